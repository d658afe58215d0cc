// What a generated Go package says about every code, for the property tests: main.go,
// written per project, imports the packages and prints dump's results as JSON.
package main

import (
	"encoding/json"
	"fmt"
)

type info interface {
	Message() string
	MessageIn(string) (string, bool)
	Solution() string
	SolutionIn(string) (string, bool)
}

type code interface {
	comparable
	fmt.Stringer
	Message() string
}

type platform struct {
	Entries []map[string]any  `json:"entries"`
	Aliases map[string]string `json:"aliases"`
}

func optional[T comparable](value T) any {
	var zero T
	if value == zero {
		return nil
	}
	return value
}

func texts(get func(string) (string, bool), languages []string) map[string]any {
	out := map[string]any{}
	for _, language := range languages {
		text, ok := get(language)
		out[language] = nil
		if ok {
			out[language] = text
		}
	}
	return out
}

func dump[C code, I any](codes []C, lookup func(C) (I, bool), value func(C) any, languages []string) []map[string]any {
	var entries []map[string]any
	for _, c := range codes {
		found, ok := lookup(c)
		if !ok {
			panic("a listed code has no information")
		}
		// The generated Info struct, read through JSON so that one dumper fits every package.
		raw, err := json.Marshal(found)
		if err != nil {
			panic(err)
		}
		var fields struct {
			Name       string
			Messages   map[string]string
			Solutions  map[string]string
			Category   string
			HTTPStatus int
			Retryable  *bool
			Deprecated *struct{ Reason, ReplacedBy string }
		}
		if err := json.Unmarshal(raw, &fields); err != nil {
			panic(err)
		}
		methods := any(found).(info)
		if c.String() != fields.Name || c.Message() != methods.Message() {
			panic("inconsistent " + fields.Name)
		}
		var deprecated any
		if fields.Deprecated != nil {
			deprecated = map[string]any{
				"reason":      fields.Deprecated.Reason,
				"replaced_by": optional(fields.Deprecated.ReplacedBy),
			}
		}
		solutions := fields.Solutions
		if solutions == nil {
			solutions = map[string]string{}
		}
		entries = append(entries, map[string]any{
			"code":        value(c),
			"name":        fields.Name,
			"message":     methods.Message(),
			"messages":    fields.Messages,
			"message_in":  texts(methods.MessageIn, languages),
			"solution":    optional(methods.Solution()),
			"solution_in": texts(methods.SolutionIn, languages),
			"category":    optional(fields.Category),
			"http_status": optional(fields.HTTPStatus),
			"retryable":   fields.Retryable,
			"deprecated":  deprecated,
		})
	}
	return entries
}
