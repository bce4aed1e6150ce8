package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/topic"
)

// outputFlag is -o of the commands that write one file.
func outputFlag() cli.Flag {
	return &cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"}
}

// formatFlag is --format (-f) of the commands that write one of several
// formats, listing them in its usage.
func formatFlag[F ~string](formats []F, def F) cli.Flag {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: string(def), Usage: "output format: " + strings.Join(names, ", ")}
}

// commandUsageError makes a bad flag on a subcommand a usage error (exit
// 2), as the root command does for its own flags.
func commandUsageError(ctx context.Context, cmd *cli.Command, err error, isSubcommand bool) error {
	return usageError{err}
}

// maxSizeFlag is shared by the commands that read entries.
func maxSizeFlag() cli.Flag {
	return &cli.StringFlag{
		Name:  "max-size",
		Usage: "largest entry file to read, e.g. 8MiB, 2MB, 500KB or a byte count",
		Value: "8MiB",
	}
}

// readOptions turns the reading flags into topic.Options.
func readOptions(cmd *cli.Command) (topic.Options, error) {
	n, err := parseSize(cmd.String("max-size"))
	if err != nil {
		return topic.Options{}, usagef("--max-size: %v", err)
	}
	return topic.Options{MaxSize: n}, nil
}

// parseSize reads a byte count with an optional unit: B, KB/MB/GB
// (powers of 1000) or KiB/MiB/GiB (powers of 1024); K, M and G alone are
// taken as binary units, as most tools do.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	var mult float64
	switch unit {
	case "", "b":
		mult = 1
	case "kb":
		mult = 1e3
	case "mb":
		mult = 1e6
	case "gb":
		mult = 1e9
	case "k", "kib":
		mult = 1 << 10
	case "m", "mib":
		mult = 1 << 20
	case "g", "gib":
		mult = 1 << 30
	default:
		return 0, fmt.Errorf("unknown unit %q in %q (use B, KB, MB, GB, KiB, MiB or GiB)", t[i:], s)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("%q is not a size (e.g. 8MiB or 2MB)", s)
	}
	n := v * mult
	if n < 1 || n > 1<<40 {
		return 0, fmt.Errorf("%q is out of range (1 byte to 1 TiB)", s)
	}
	return int64(n), nil
}
