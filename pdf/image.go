package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// maxPixels bounds a decoded image, so that a small compressed file
// cannot make the writer allocate gigabytes.
const maxPixels = 50 << 20

// Image is an image XObject written into a document.
type Image struct {
	Ref           Ref
	Width, Height int // pixels
}

// AddPNG decodes a PNG and writes it as an RGB or grey image, its alpha
// channel (when any pixel is not opaque) as a soft mask.
func (w *Writer) AddPNG(data []byte) (Image, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, fmt.Errorf("pdf: PNG: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return Image{}, fmt.Errorf("pdf: PNG of %dx%d pixels", cfg.Width, cfg.Height)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return Image{}, fmt.Errorf("pdf: PNG: %w", err)
	}
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	grey := false
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		grey = true
	}
	channels := 3
	if grey {
		channels = 1
	}
	pix := make([]byte, 0, wd*ht*channels)
	alpha := make([]byte, 0, wd*ht)
	opaque := true
	switch m := img.(type) {
	case *image.NRGBA:
		// The usual PNG with alpha: split the channels without going
		// through color.Color for every pixel.
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for i := 0; i < len(row); i += 4 {
				pix = append(pix, row[i], row[i+1], row[i+2])
				alpha = append(alpha, row[i+3])
				opaque = opaque && row[i+3] == 255
			}
		}
	case *image.RGBA:
		if !m.Opaque() {
			pix, alpha, opaque = pixels(img, grey, pix, alpha)
			break
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for i := 0; i < len(row); i += 4 {
				pix = append(pix, row[i], row[i+1], row[i+2])
			}
		}
	default:
		pix, alpha, opaque = pixels(img, grey, pix, alpha)
	}
	space := Name("DeviceRGB")
	if grey {
		space = "DeviceGray"
	}
	d := Dict{
		{"Type", Name("XObject")}, {"Subtype", Name("Image")}, {"Width", Int(wd)}, {"Height", Int(ht)},
		{"ColorSpace", space}, {"BitsPerComponent", Int(8)},
	}
	if !opaque {
		mask := w.AddStream(Stream{Compress: true, Data: alpha, Dict: Dict{
			{"Type", Name("XObject")}, {"Subtype", Name("Image")}, {"Width", Int(wd)}, {"Height", Int(ht)},
			{"ColorSpace", Name("DeviceGray")}, {"BitsPerComponent", Int(8)},
		}})
		d = append(d, Entry{"SMask", mask})
	}
	return Image{w.AddStream(Stream{Dict: d, Data: pix, Compress: true}), wd, ht}, nil
}

// pixels reads any image pixel by pixel, as non-premultiplied colour
// and alpha.
func pixels(img image.Image, grey bool, pix, alpha []byte) ([]byte, []byte, bool) {
	b := img.Bounds()
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if grey {
				pix = append(pix, c.R)
			} else {
				pix = append(pix, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	return pix, alpha, opaque
}

// AddJPEG writes a JPEG as it is (DCTDecode): PDF readers decode JPEG
// themselves, so re-encoding would only lose quality.
func (w *Writer) AddJPEG(data []byte) (Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, fmt.Errorf("pdf: JPEG: %w", err)
	}
	d := Dict{
		{"Type", Name("XObject")}, {"Subtype", Name("Image")}, {"Width", Int(cfg.Width)}, {"Height", Int(cfg.Height)},
		{"BitsPerComponent", Int(8)},
	}
	switch cfg.ColorModel {
	case color.GrayModel:
		d = append(d, Entry{"ColorSpace", Name("DeviceGray")})
	case color.CMYKModel:
		// Adobe's CMYK JPEGs store inverted values.
		d = append(d, Entry{"ColorSpace", Name("DeviceCMYK")}, Entry{"Decode", Array{Int(1), Int(0), Int(1), Int(0), Int(1), Int(0), Int(1), Int(0)}})
	default:
		d = append(d, Entry{"ColorSpace", Name("DeviceRGB")})
	}
	d = append(d, Entry{"Filter", Name("DCTDecode")})
	return Image{w.AddStream(Stream{Dict: d, Data: data}), cfg.Width, cfg.Height}, nil
}
