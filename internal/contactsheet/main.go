// Command contactsheet tiles page images (PNG) into one picture, for the
// README's views of real output: contactsheet -cols 4 -o sheet.png p-*.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
)

func main() {
	cols := flag.Int("cols", 4, "images per row")
	gap := flag.Int("gap", 8, "gap between images, pixels")
	out := flag.String("o", "sheet.png", "output PNG")
	flag.Parse()
	if err := run(flag.Args(), *cols, *gap, *out); err != nil {
		fmt.Fprintln(os.Stderr, "contactsheet:", err)
		os.Exit(1)
	}
}

func run(paths []string, cols, gap int, out string) error {
	if len(paths) == 0 || cols < 1 {
		return fmt.Errorf("usage: contactsheet [-cols N] [-o out.png] page.png (one or more)")
	}
	var imgs []image.Image
	cw, ch := 0, 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		imgs = append(imgs, img)
		cw = max(cw, img.Bounds().Dx())
		ch = max(ch, img.Bounds().Dy())
	}
	rows := (len(imgs) + cols - 1) / cols
	if len(imgs) < cols {
		cols = len(imgs)
	}
	sheet := image.NewRGBA(image.Rect(0, 0, cols*cw+(cols+1)*gap, rows*ch+(rows+1)*gap))
	draw.Draw(sheet, sheet.Bounds(), &image.Uniform{color.RGBA{0x9a, 0xa3, 0xad, 0xff}}, image.Point{}, draw.Src)
	for i, img := range imgs {
		x := gap + (i%cols)*(cw+gap)
		y := gap + (i/cols)*(ch+gap)
		draw.Draw(sheet, image.Rect(x, y, x+cw, y+ch), img, img.Bounds().Min, draw.Src)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(f, sheet); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
