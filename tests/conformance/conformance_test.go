// Conformance of the generated Go to the test vectors (out/vectors/<platform>.json), run by
// go test in a module that requires the generated one:
//
//	CONFORMANCE_VECTORS=out/vectors go test
//
// Besides this file the module holds a small adapter, generated from the vectors, that
// imports each generated package and names each code constant by its Go identifier:
//
//	var packages = map[string]checker{
//		"weex": adapt(map[string]weex.Code{"AccessKeyHeaderMissing": weex.AccessKeyHeaderMissing},
//			weex.Codes, weex.Lookup),
//	}
//
// One test per platform; each disagreement is reported as
// `<platform> <code> <field>: got ..., want ...`.
package conformance

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// vectors holds what Go checks of one out/vectors/<platform>.json.
type vectors struct {
	Platform string `json:"platform"`
	Unknown  struct {
		Codes     []json.RawMessage `json:"codes"`
		Languages []string          `json:"languages"`
	} `json:"unknown"`
	Codes []vector `json:"codes"`
}

type vector struct {
	Code        json.RawMessage `json:"code"`
	Name        string          `json:"name"`
	Identifiers struct {
		Go string `json:"go"`
	} `json:"identifiers"`
	Aliases []struct {
		Name        string `json:"name"`
		Identifiers struct {
			Go string `json:"go"`
		} `json:"identifiers"`
	} `json:"aliases"`
	Message         map[string]string `json:"message"`
	DefaultMessage  string            `json:"default_message"`
	Solution        map[string]string `json:"solution"`
	DefaultSolution *string           `json:"default_solution"`
	Category        *string           `json:"category"`
	HTTPStatus      *int              `json:"http_status"`
	Retryable       *bool             `json:"retryable"`
	Deprecated      *struct {
		Reason     string  `json:"reason"`
		ReplacedBy *string `json:"replaced_by"`
	} `json:"deprecated"`
}

// code is what the Code type of every generated package provides.
type code interface {
	~int64 | ~string
	String() string
	Message() string
}

// info is what the Info type of every generated package provides besides its fields.
type info interface {
	Message() string
	MessageIn(language string) (string, bool)
	Solution() string
	SolutionIn(language string) (string, bool)
}

// fields are the exported fields of a generated Info. Each package has an Info type of its
// own, so they are read through their JSON form.
type fields[C code] struct {
	Code       C
	Name       string
	Messages   map[string]string
	Solutions  map[string]string
	Category   string
	HTTPStatus int
	Retryable  *bool
	Deprecated *struct{ Reason, ReplacedBy string }
}

// checker compares one generated package with its vectors.
type checker func(t *testing.T, v vectors)

func TestConformance(t *testing.T) {
	dir := os.Getenv("CONFORMANCE_VECTORS")
	if dir == "" {
		t.Fatal("CONFORMANCE_VECTORS is not set: see how to run this file at its top")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no vectors (*.json) in %s", dir)
	}
	for _, path := range paths {
		var v vectors
		if err := decode(path, &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		t.Run(v.Platform, func(t *testing.T) {
			check, ok := packages[v.Platform]
			if !ok {
				t.Fatalf("%s: the adapter imports no package for it", v.Platform)
			}
			check(t, v)
		})
	}
}

func decode(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// adapt returns the checker of one generated package: its constants by Go identifier, its
// Codes and its Lookup.
func adapt[C code, I info](constants map[string]C, codes func() []C, lookup func(C) (I, bool)) checker {
	return func(t *testing.T, v vectors) {
		defined := map[C]bool{}
		for _, vec := range v.Codes {
			expect := func(field string, got, want any) {
				t.Helper()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s %s %s: got %s, want %s", v.Platform, vec.Code, field, show(got), show(want))
				}
			}
			var c C
			if err := json.Unmarshal(vec.Code, &c); err != nil {
				t.Errorf("%s %s code: %v", v.Platform, vec.Code, err)
				continue
			}
			defined[c] = true
			found, ok := lookup(c)
			if !ok {
				t.Errorf("%s %s lookup: finds nothing", v.Platform, vec.Code)
				continue
			}
			var f fields[C]
			if data, err := json.Marshal(found); err != nil || json.Unmarshal(data, &f) != nil {
				t.Errorf("%s %s: cannot read the fields of its Info", v.Platform, vec.Code)
				continue
			}
			identifier := vec.Identifiers.Go
			var constant any
			if named, ok := constants[identifier]; ok {
				constant = named
			}
			expect("identifier "+identifier, constant, c)
			for _, alias := range vec.Aliases {
				var aliased any
				if named, ok := constants[alias.Identifiers.Go]; ok {
					aliased = named
				}
				expect("alias "+alias.Name, aliased, c)
			}
			expect("code", f.Code, c)
			expect("name", f.Name, vec.Name)
			expect("String()", c.String(), vec.Name)
			for language, text := range vec.Message {
				expect("message."+language, optional(found.MessageIn(language)), text)
			}
			for language, text := range vec.Solution {
				expect("solution."+language, optional(found.SolutionIn(language)), text)
			}
			for _, language := range v.Unknown.Languages {
				expect("message."+language, optional(found.MessageIn(language)), nil)
				expect("solution."+language, optional(found.SolutionIn(language)), nil)
			}
			expect("message languages", keys(f.Messages), keys(vec.Message))
			expect("default_message", found.Message(), vec.DefaultMessage)
			expect("Code.Message()", c.Message(), vec.DefaultMessage)
			expect("default_solution", nonzero(found.Solution()), value(vec.DefaultSolution))
			expect("category", nonzero(f.Category), value(vec.Category))
			expect("http_status", nonzero(f.HTTPStatus), value(vec.HTTPStatus))
			expect("retryable", value(f.Retryable), value(vec.Retryable))
			var got, want any
			if d := f.Deprecated; d != nil {
				got = map[string]any{"reason": d.Reason, "replaced_by": nonzero(d.ReplacedBy)}
			}
			if d := vec.Deprecated; d != nil {
				want = map[string]any{"reason": d.Reason, "replaced_by": value(d.ReplacedBy)}
			}
			expect("deprecated", got, want)
		}
		for _, c := range codes() {
			if !defined[c] {
				t.Errorf("%s %s: not in the vectors", v.Platform, show(c))
			}
		}
		for _, raw := range v.Unknown.Codes {
			var unknown C
			if err := json.Unmarshal(raw, &unknown); err != nil {
				t.Fatalf("%s %s code: %v", v.Platform, raw, err)
			}
			if _, ok := lookup(unknown); ok {
				t.Errorf("%s %s lookup: finds a code the catalogue does not define", v.Platform, raw)
			}
			if text := unknown.Message(); text != "" {
				t.Errorf("%s %s Code.Message(): got %s, want \"\"", v.Platform, raw, show(text))
			}
		}
	}
}

// optional is a text that may be missing: nil when it is, as in the vectors.
func optional(text string, ok bool) any {
	if !ok {
		return nil
	}
	return text
}

// nonzero is a field that Go leaves at its zero value when the catalogue says nothing.
func nonzero[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

// value is an optional value of the vectors, nil when absent.
func value[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func keys(texts map[string]string) []string {
	result := []string{}
	for key := range texts {
		result = append(result, key)
	}
	sort.Strings(result)
	return result
}

// show writes a value as JSON, as the vectors write it (text stays readable, not escaped).
func show(v any) string {
	var buffer bytes.Buffer
	encoder := json.NewEncoder(&buffer)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(v); err != nil {
		return err.Error()
	}
	return string(bytes.TrimSpace(buffer.Bytes()))
}
