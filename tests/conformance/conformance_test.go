// Conformance of the generated Go to the test vectors (out/vectors/<platform>.json), run by
// go test in a module that requires the generated one:
//
//	CONFORMANCE_VECTORS=out/vectors go test
//
// Besides this file the module holds a small adapter, generated from the vectors, that
// imports each generated package, names each code constant by its Go identifier, calls
// each typed constructor by its Go name, its arguments in the order of "placeholders", and
// reads the fields of a Classification:
//
//	var packages = map[string]checker{
//		"okx_dex_ws": adapt(api[p0.Code, p0.Info, *p0.Error, p0.Classification]{
//			constants: map[string]p0.Code{"InvalidOp": p0.InvalidOp},
//			constructors: map[string]constructor[*p0.Error]{
//				"INVALID_OP": {"NewInvalidOp", func(p map[string]any) *p0.Error { return p0.NewInvalidOp(p["op"]) }},
//			},
//			codes: p0.Codes, lookup: p0.Lookup, byName: p0.ByName, construct: p0.New,
//			classify: p0.Classify, classifyText: p0.ClassifyText,
//			read: func(c p0.Classification) classified[p0.Code] { return classified[p0.Code]{c.Code, string(c.How), c.Params} },
//		}),
//	}
//
// One test per platform; each disagreement is reported as
// `<platform> <code> <field>: got ..., want ...`, or for a classify case
// `<platform> classify[<index>] <field>: got ..., want ...`.
package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// vectors holds what Go checks of one out/vectors/<platform>.json.
type vectors struct {
	Platform string `json:"platform"`
	Unknown  struct {
		Codes     []json.RawMessage `json:"codes"`
		Languages []string          `json:"languages"`
		Names     []string          `json:"names"`
	} `json:"unknown"`
	Codes    []vector       `json:"codes"`
	Format   []formatCase   `json:"format"`
	Classify []classifyCase `json:"classify"`
}

// classifyCase is what classifying a response gives: a decoded body (Classify) or raw text
// (ClassifyText), and the entry, null for none.
type classifyCase struct {
	Status *int            `json:"status"`
	Body   json.RawMessage `json:"body"` // nil when absent, "null" for null
	Text   *string         `json:"text"`
	Want   *struct {
		Code   json.RawMessage   `json:"code"`
		How    string            `json:"how"`
		Params map[string]string `json:"params"`
	} `json:"want"`
}

// classified is what a generated Classification holds, read by the adapter.
type classified[C any] struct {
	Code   C
	How    string
	Params map[string]string
}

// formatCase is what formatting one code's texts with parameters gives, or the parameter
// that makes it fail.
type formatCase struct {
	Code      json.RawMessage `json:"code"`
	Language  *string         `json:"language"`
	Params    map[string]any  `json:"params"` // json.Number values: see decode
	Message   *string         `json:"message"`
	Solution  *string         `json:"solution"`
	ErrorText *string         `json:"error_text"`
	Problem   *struct {
		Kind  string `json:"kind"`
		Param string `json:"param"`
	} `json:"problem"`
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
	Placeholders    []string          `json:"placeholders"`
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
	DocURL *string `json:"doc_url"`
}

// code is what the Code type of every generated package provides; E is its *Error.
type code[E any] interface {
	~int64 | ~string
	error
	String() string
	Message() string
	DocURL() string
	Err() E
	Format(params map[string]any) (string, error)
	FormatIn(language string, params map[string]any) (string, error)
}

// failure is what the *Error type of every generated package provides; C is its Code.
type failure[C any] interface {
	error
	Is(target error) bool
	Code() C
	Params() map[string]any
	Message() string
	MessageIn(language string) string
	Solution() string
	SolutionIn(language string) string
	Category() string
	HTTPStatus() int
	Retryable() *bool
	DocURL() string
}

// constructor is a typed constructor (NewInvalidOp), called with the values of a format
// case in the order of the code's placeholders.
type constructor[E any] struct {
	name  string
	build func(params map[string]any) E
}

// api is what the adapter hands over of one generated package; K is its Classification.
type api[C code[E], I info, E failure[C], K interface{ Err() E }] struct {
	constants    map[string]C              // by Go identifier, aliases too
	constructors map[string]constructor[E] // by catalogue name, for each code with placeholders
	codes        func() []C
	lookup       func(C) (I, bool)
	byName       func(string) (C, bool)
	construct    func(C, map[string]any) (E, error)
	classify     func(status int, body any) (K, bool)
	classifyText func(status int, text []byte) (K, bool)
	read         func(K) classified[C]
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
type fields[C any] struct {
	Code         C
	Name         string
	Aliases      []string
	Messages     map[string]string
	Solutions    map[string]string
	Placeholders []string
	Category     string
	HTTPStatus   int
	Retryable    *bool
	Deprecated   *struct{ Reason, ReplacedBy string }
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

// decode reads a vectors file; numbers in "params" stay json.Number, for number to turn
// them into the integers they are.
func decode(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	return decoder.Decode(v)
}

// params are a format case's parameters as a Go caller gives them: strings and int64s.
func params(given map[string]any) (map[string]any, error) {
	result := map[string]any{}
	for name, value := range given {
		if number, ok := value.(json.Number); ok {
			integer, err := number.Int64()
			if err != nil {
				return nil, fmt.Errorf("parameter %s: %v", name, err)
			}
			value = integer
		}
		result[name] = value
	}
	return result, nil
}

// adapt returns the checker of one generated package: its constants by Go identifier, its
// typed constructors, Codes, Lookup, ByName, New, Classify and ClassifyText.
func adapt[C code[E], I info, E failure[C], K interface{ Err() E }](a api[C, I, E, K]) checker {
	return func(t *testing.T, v vectors) {
		defined := map[C]bool{}
		var order []C
		byCode := map[C]vector{}
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
			order = append(order, c)
			byCode[c] = vec
			found, ok := a.lookup(c)
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
			if named, ok := a.constants[identifier]; ok {
				constant = named
			}
			expect("identifier "+identifier, constant, c)
			expect("ByName("+vec.Name+")", named(a.byName(vec.Name)), any(c))
			var aliases []string
			for _, alias := range vec.Aliases {
				var aliased any
				if named, ok := a.constants[alias.Identifiers.Go]; ok {
					aliased = named
				}
				expect("alias "+alias.Name, aliased, c)
				expect("ByName("+alias.Name+")", named(a.byName(alias.Name)), any(c))
				aliases = append(aliases, alias.Name)
			}
			expect("code", f.Code, c)
			expect("name", f.Name, vec.Name)
			expect("aliases", f.Aliases, aliases)
			expect("placeholders", f.Placeholders, nonempty(vec.Placeholders))
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
			expect("doc_url", nonzero(c.DocURL()), value(vec.DocURL))
			// What one caller does to what Lookup returned, the next caller does not see.
			before := show(found)
			vandalize(reflect.ValueOf(&found).Elem())
			again, _ := a.lookup(c)
			expect("Lookup after a caller changed its Info", show(again), before)
			// A code is an error: errors.Is finds it, and Err builds its *Error when its
			// texts have no placeholders; else Err panics, naming the constructor.
			expect("errors.Is(code, code)", errors.Is(c, c), true)
			build, typed := a.constructors[vec.Name]
			expect("has a typed constructor", typed, len(vec.Placeholders) > 0)
			if len(vec.Placeholders) == 0 {
				text := fmt.Sprintf("%s %s: %s", v.Platform, codeText(vec.Code), vec.DefaultMessage)
				expect("Code.Error()", c.Error(), text)
				err := c.Err()
				expect("Err().Error()", err.Error(), text)
				expect("Err().Code()", err.Code(), c)
				expect("errors.Is(Err(), code)", errors.Is(err, c), true)
			} else {
				message := panics(func() { c.Err() })
				expect("Err() panics naming "+build.name, strings.Contains(message, " "+build.name+" "), true)
				if _, err := c.Format(nil); err == nil {
					t.Errorf("%s %s Format(nil): no error for a code with placeholders", v.Platform, vec.Code)
				}
			}
		}
		listed := a.codes()
		expect := func(field string, got, want any) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: got %s, want %s", v.Platform, field, show(got), show(want))
			}
		}
		expect("Codes() in catalogue order", listed, order)
		if len(listed) > 0 {
			listed[0] = listed[len(listed)-1]
			expect("Codes() after a caller changed its slice", a.codes(), order)
		}
		for _, c := range listed {
			if !defined[c] {
				t.Errorf("%s %s: not in the vectors", v.Platform, show(c))
			}
		}
		for _, raw := range v.Unknown.Codes {
			var unknown C
			if err := json.Unmarshal(raw, &unknown); err != nil {
				t.Fatalf("%s %s code: %v", v.Platform, raw, err)
			}
			if _, ok := a.lookup(unknown); ok {
				t.Errorf("%s %s lookup: finds a code the catalogue does not define", v.Platform, raw)
			}
			if text := unknown.Message(); text != "" {
				t.Errorf("%s %s Code.Message(): got %s, want \"\"", v.Platform, raw, show(text))
			}
			if url := unknown.DocURL(); url != "" {
				t.Errorf("%s %s Code.DocURL(): got %s, want \"\"", v.Platform, raw, show(url))
			}
			if _, err := a.construct(unknown, nil); err == nil {
				t.Errorf("%s %s New: no error for a code the catalogue does not define", v.Platform, raw)
			}
		}
		for _, name := range v.Unknown.Names {
			if found, ok := a.byName(name); ok {
				t.Errorf("%s ByName(%s): got %s, want nothing", v.Platform, show(name), show(found))
			}
		}
		for i, fc := range v.Format {
			checkFormat(t, v.Platform, fmt.Sprintf("format[%d]", i), fc, a, byCode, order)
		}
		for i, cc := range v.Classify {
			checkClassify(t, fmt.Sprintf("%s classify[%d]", v.Platform, i), cc, a, byCode)
		}
	}
}

// checkClassify checks one classify case: ClassifyText for text, else Classify for the body
// as encoding/json decodes it, into float64 numbers and, with UseNumber, into json.Number;
// and that Err() agrees with the error API.
func checkClassify[C code[E], I info, E failure[C], K interface{ Err() E }](t *testing.T, where string, cc classifyCase, a api[C, I, E, K], byCode map[C]vector) {
	t.Helper()
	status := 0
	if cc.Status != nil {
		status = *cc.Status
	}
	var want any
	if w := cc.Want; w != nil {
		var c C
		if err := json.Unmarshal(w.Code, &c); err != nil {
			t.Errorf("%s want code: %v", where, err)
			return
		}
		params := w.Params
		if params == nil {
			params = map[string]string{}
		}
		want = classified[C]{c, w.How, params}
	}
	type run struct {
		how    string
		result K
		ok     bool
	}
	var runs []run
	switch {
	case cc.Text != nil:
		result, ok := a.classifyText(status, []byte(*cc.Text))
		runs = append(runs, run{"", result, ok})
	case cc.Body != nil:
		var body any
		if err := json.Unmarshal(cc.Body, &body); err != nil {
			t.Errorf("%s body: %v", where, err)
			return
		}
		result, ok := a.classify(status, body)
		runs = append(runs, run{"", result, ok})
		decoder := json.NewDecoder(bytes.NewReader(cc.Body))
		decoder.UseNumber()
		if err := decoder.Decode(&body); err != nil {
			t.Errorf("%s body: %v", where, err)
			return
		}
		result, ok = a.classify(status, body)
		runs = append(runs, run{"(UseNumber) ", result, ok})
	default:
		t.Errorf("%s: neither a body nor a text", where)
		return
	}
	for _, r := range runs {
		expect := func(field string, got, want any) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s%s: got %s, want %s", where, r.how, field, show(got), show(want))
			}
		}
		var got any
		if r.ok {
			found := a.read(r.result)
			if found.Params == nil {
				found.Params = map[string]string{}
			}
			got = found
		}
		if got == nil || want == nil {
			expect("result", got, want)
			continue
		}
		found, wanted := got.(classified[C]), want.(classified[C])
		expect("code", found.Code, wanted.Code)
		expect("how", found.How, wanted.How)
		expect("params", found.Params, wanted.Params)
		// Err() is the error that the error API builds from the code and the parameters
		// when they are exactly the code's; else, for a code without any, the code's own.
		placeholders := byCode[found.Code].Placeholders
		exact := len(placeholders) == len(found.Params)
		for _, name := range placeholders {
			_, has := found.Params[name]
			exact = exact && has
		}
		err := r.result.Err()
		switch {
		case exact || len(placeholders) == 0:
			given := map[string]any{}
			if exact {
				for name, value := range found.Params {
					given[name] = value
				}
			}
			built, problem := a.construct(found.Code, given)
			if problem != nil || reflect.ValueOf(err).IsNil() {
				expect("Err()", show(err), show(built))
				continue
			}
			expect("Err().Error()", err.Error(), built.Error())
			expect("Err().Code()", err.Code(), found.Code)
			expect("Err().Params()", err.Params(), given)
			expect("errors.Is(Err(), code)", errors.Is(err, found.Code), true)
		default:
			expect("Err() is nil", reflect.ValueOf(err).IsNil(), true)
		}
	}
}

// checkFormat checks one format case: Format and FormatIn, New, the typed constructor,
// the *Error's methods, errors.Is and errors.As.
func checkFormat[C code[E], I info, E failure[C], K interface{ Err() E }](t *testing.T, platform, where string, fc formatCase, a api[C, I, E, K], byCode map[C]vector, order []C) {
	t.Helper()
	expect := func(field string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %s %s %s: got %s, want %s", platform, fc.Code, where, field, show(got), show(want))
		}
	}
	var c C
	if err := json.Unmarshal(fc.Code, &c); err != nil {
		t.Errorf("%s %s %s code: %v", platform, fc.Code, where, err)
		return
	}
	given, err := params(fc.Params)
	if err != nil {
		t.Errorf("%s %s %s: %v", platform, fc.Code, where, err)
		return
	}
	format := func() (string, error) {
		if fc.Language == nil {
			return c.Format(given)
		}
		return c.FormatIn(*fc.Language, given)
	}
	if p := fc.Problem; p != nil {
		wanted := fmt.Sprintf("%s parameter %q", p.Kind, p.Param)
		_, err := format()
		expect("Format fails with", problem(err), wanted)
		made, err := a.construct(c, given)
		expect("New fails with", problem(err), wanted)
		expect("New returns no error value", reflect.ValueOf(made).IsNil(), true)
		return
	}
	message, err := format()
	expect("Format error", err, nil)
	expect("message", message, value(fc.Message))
	made, err := a.construct(c, given)
	if err != nil {
		t.Errorf("%s %s %s New: %v", platform, fc.Code, where, err)
		return
	}
	built := map[string]E{"New": made}
	if build, ok := a.constructors[byCode[c].Name]; ok {
		built[build.name] = build.build(given)
	} else if len(given) == 0 {
		built["Err"] = c.Err()
	}
	vec := byCode[c]
	for how, e := range built {
		expect(how+" Error()", e.Error(), value(fc.ErrorText))
		expect(how+" Code()", e.Code(), c)
		expect(how+" Params()", e.Params(), given)
		if fc.Language == nil {
			expect(how+" Message()", e.Message(), value(fc.Message))
			expect(how+" Solution()", e.Solution(), solution(fc.Solution))
		} else {
			expect(how+" MessageIn", e.MessageIn(*fc.Language), value(fc.Message))
			expect(how+" SolutionIn", e.SolutionIn(*fc.Language), solution(fc.Solution))
		}
		expect(how+" Category()", nonzero(e.Category()), value(vec.Category))
		expect(how+" HTTPStatus()", nonzero(e.HTTPStatus()), value(vec.HTTPStatus))
		expect(how+" Retryable()", value(e.Retryable()), value(vec.Retryable))
		expect(how+" DocURL()", nonzero(e.DocURL()), value(vec.DocURL))
		if r := e.Retryable(); r != nil {
			*r = !*r
			expect(how+" Retryable() after a caller changed it", value(e.Retryable()), value(vec.Retryable))
		}
		// Neither what the caller gave nor what Params returned reaches the error.
		for name := range e.Params() {
			e.Params()[name] = "changed"
		}
		changed := e.Params()
		for name := range changed {
			changed[name] = "changed"
		}
		expect(how+" Params() after a caller changed it", e.Params(), given)
		wrapped := fmt.Errorf("wrapped: %w", e)
		expect(how+" errors.Is(wrapped, code)", errors.Is(wrapped, c), true)
		for _, other := range order {
			if other != c {
				expect(how+" errors.Is(wrapped, another code)", errors.Is(wrapped, other), false)
				break
			}
		}
		var target E
		expect(how+" errors.As(wrapped)", errors.As(wrapped, &target), true)
		if errors.As(wrapped, &target) {
			expect(how+" errors.As(wrapped) Code()", target.Code(), c)
		}
	}
	for name := range given {
		given[name] = "changed after New"
	}
	expect("New Message() after the caller changed its map", made.MessageIn(valueOr(fc.Language, "")), value(fc.Message))
}

// problem is what an error says about a parameter: "missing parameter "limit"" or
// "unknown parameter "x"", or the whole text when it says neither.
func problem(err error) any {
	if err == nil {
		return nil
	}
	for _, kind := range []string{"missing", "unknown"} {
		if at := strings.Index(err.Error(), kind+" parameter "); at >= 0 {
			rest := err.Error()[at+len(kind)+len(" parameter "):]
			if end := strings.Index(rest[1:], `"`); strings.HasPrefix(rest, `"`) && end >= 0 {
				return kind + " parameter " + rest[:end+2]
			}
		}
	}
	return err.Error()
}

// panics returns what f panics with, "" when it returns.
func panics(f func()) (message string) {
	defer func() {
		if r := recover(); r != nil {
			message = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// vandalize changes every map, slice and pointer that a value holds, as a careless caller
// would change what Lookup returned.
func vandalize(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				vandalize(v.Field(i))
			}
		}
	case reflect.Map:
		for _, key := range v.MapKeys() {
			v.SetMapIndex(key, reflect.ValueOf("changed").Convert(v.Type().Elem()))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			vandalize(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			vandalize(v.Elem())
		}
	case reflect.String:
		v.SetString("changed")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	}
}

// named is what ByName found: the code, or nil for nothing.
func named[C any](c C, ok bool) any {
	if !ok {
		return nil
	}
	return c
}

// codeText is a code as the error text writes it: a number, or a string code's own text.
func codeText(raw json.RawMessage) string {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return text
	}
	return string(raw)
}

// solution is what Solution and SolutionIn give for a solution of the vectors: "" for none.
func solution(text *string) string {
	if text == nil {
		return ""
	}
	return *text
}

func valueOr(text *string, otherwise string) string {
	if text == nil {
		return otherwise
	}
	return *text
}

// nonempty is a list of the vectors as Go leaves it: nil when empty.
func nonempty(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	return names
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
