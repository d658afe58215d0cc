// Print, as JSON, the token skeleton of each Go file under the directories named on the
// command line: every token as go/scanner reads it, with the content of string literals
// and comments left out. Catalogue text may change only what was left out.
package main

import (
	"encoding/json"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	out := map[string]map[string][]string{}
	for _, root := range os.Args[1:] {
		out[root] = map[string][]string{}
		err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
			if err != nil || entry.IsDir() || filepath.Ext(path) != ".go" {
				return err
			}
			relative, err := filepath.Rel(root, path)
			if err == nil {
				out[root][filepath.ToSlash(relative)], err = skeleton(path)
			}
			return err
		})
		if err != nil {
			panic(err)
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}

func skeleton(path string) ([]string, error) {
	source, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	files := token.NewFileSet()
	var s scanner.Scanner
	s.Init(files.AddFile(path, -1, len(source)), source, func(pos token.Position, msg string) {
		panic(pos.String() + ": " + msg)
	}, scanner.ScanComments)
	tokens := []string{}
	for {
		_, tok, lit := s.Scan()
		switch {
		case tok == token.EOF:
			return tokens, nil
		case tok == token.STRING:
			tokens = append(tokens, "<text>")
		case tok == token.COMMENT:
			tokens = append(tokens, "<comment>")
		case tok.IsLiteral():
			tokens = append(tokens, lit)
		default:
			tokens = append(tokens, tok.String())
		}
	}
}
