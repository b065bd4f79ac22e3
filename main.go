// Command httplens is a terminal HTTP explorer: open a collection of .http requests,
// send one, read the raw response and see what it means. The commands live in cli.
package main

import (
	"os"

	"github.com/httplens/httplens/cli"
)

func main() { os.Exit(cli.Main()) }
