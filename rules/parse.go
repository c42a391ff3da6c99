package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// metricKeys are the keys a metric entry may have.
var metricKeys = []string{"id", "name", "unit", "topic", "triggers", "require", "exclude", "value_before", "internal"}

// formulaKeys are the keys a formula entry may have.
var formulaKeys = []string{"id", "metric", "sum", "divide", "alternates"}

// Parse reads one rule file. name is used in positions and errors. All
// problems found are returned together, each with its line and column.
func Parse(name string, data []byte) (*File, error) {
	f := &File{Name: name, Topics: map[string][]string{}}
	p := &fileParser{file: f}
	doc, err := parser.ParseBytes(data, 0)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			pos := ye.GetToken().Position
			return nil, Errors{{Pos: Pos{name, pos.Line, pos.Column}, Msg: "yaml: " + ye.GetMessage()}}
		}
		return nil, Errors{{Pos: Pos{name, 1, 1}, Msg: "yaml: " + err.Error()}}
	}
	for _, d := range doc.Docs {
		if d.Body == nil {
			continue
		}
		p.top(d.Body)
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return f, nil
}

type fileParser struct {
	file       *File
	errs       Errors
	ids        map[string]Pos
	formulaIDs map[string]Pos
}

func (p *fileParser) errorf(n ast.Node, format string, args ...any) {
	pos := p.pos(n)
	p.errs = append(p.errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (p *fileParser) pos(n ast.Node) Pos {
	if n == nil || n.GetToken() == nil {
		return Pos{p.file.Name, 1, 1}
	}
	tp := n.GetToken().Position
	return Pos{p.file.Name, tp.Line, tp.Column}
}

// mapping returns the key/value pairs of a mapping node, or reports that n
// is not one. goccy/go-yaml gives a one-key mapping as a bare pair.
func (p *fileParser) mapping(n ast.Node, what string) []*ast.MappingValueNode {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}
	}
	p.errorf(n, "%s must be a mapping", what)
	return nil
}

func keyName(kv *ast.MappingValueNode) string {
	if s, ok := kv.Key.(*ast.StringNode); ok {
		return s.Value
	}
	return kv.Key.String()
}

func (p *fileParser) top(body ast.Node) {
	for _, kv := range p.mapping(body, "a rule file") {
		switch k := keyName(kv); k {
		case "topics":
			p.topics(kv.Value)
		case "scopes":
			p.file.Scopes = append(p.file.Scopes, p.words(kv.Value, "scopes")...)
		case "metrics":
			p.metrics(kv.Value)
		case "formulas":
			p.formulas(kv.Value)
		case "order":
			p.orders(kv.Value)
		default:
			p.errorf(kv.Key, "unknown key %q (want topics, scopes, metrics, formulas or order)", k)
		}
	}
}

func (p *fileParser) topics(n ast.Node) {
	for _, kv := range p.mapping(n, "topics") {
		id := keyName(kv)
		words := p.words(kv.Value, "topic "+id)
		if len(words) == 0 {
			p.errorf(kv.Key, "topic %s has no words", id)
			continue
		}
		p.file.Topics[id] = words
	}
}

// entries returns the items of a list section, or reports that n is none.
func (p *fileParser) entries(n ast.Node, what string) []ast.Node {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		p.errorf(n, "%s must be a list of entries", what)
		return nil
	}
	return seq.Values
}

func (p *fileParser) metrics(n ast.Node) {
	if p.ids == nil {
		p.ids = map[string]Pos{}
	}
	for _, item := range p.entries(n, "metrics") {
		if m := p.metric(item); m != nil {
			p.file.Metrics = append(p.file.Metrics, m)
		}
	}
}

func (p *fileParser) metric(n ast.Node) *Metric {
	m := &Metric{Pos: p.entryPos(n)}
	before := len(p.errs)
	seen := map[string]bool{}
	for _, kv := range p.mapping(n, "a metric entry") {
		k := keyName(kv)
		if seen[k] {
			p.errorf(kv.Key, "duplicate key %q", k)
		}
		seen[k] = true
		switch k {
		case "id":
			m.ID = p.str(kv.Value, k)
		case "name":
			m.Name = p.str(kv.Value, k)
		case "unit":
			m.Unit = p.str(kv.Value, k)
			if m.Unit != "" && !slices.Contains(Units, m.Unit) {
				p.errorf(kv.Value, "unknown unit %q (want one of %s)", m.Unit, strings.Join(Units, " "))
			}
		case "topic":
			m.Topic = p.str(kv.Value, k)
		case "triggers":
			m.Triggers = p.words(kv.Value, k)
			if len(m.Triggers) == 0 {
				p.errorf(kv.Value, "triggers is empty")
			}
		case "require":
			m.Require = p.words(kv.Value, k)
		case "exclude":
			m.Exclude = p.words(kv.Value, k)
		case "value_before":
			m.ValueBefore = p.boolean(kv.Value, k)
		case "internal":
			m.Internal = p.boolean(kv.Value, k)
		default:
			p.errorf(kv.Key, "unknown key %q (want one of %s)", k, strings.Join(metricKeys, ", "))
		}
	}
	for _, req := range []struct {
		key string
		val string
	}{{"id", m.ID}, {"name", m.Name}, {"unit", m.Unit}} {
		if !seen[req.key] {
			p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("metric entry has no %s", req.key)})
		} else if req.val == "" {
			p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("metric entry has an empty %s", req.key)})
		}
	}
	if !seen["triggers"] {
		p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: "metric entry has no triggers"})
	}
	if m.ID != "" {
		if prev, dup := p.ids[m.ID]; dup {
			p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("duplicate metric id %s (first at line %d)", m.ID, prev.Line)})
		} else {
			p.ids[m.ID] = m.Pos
		}
	}
	if len(p.errs) > before {
		return nil
	}
	return m
}

// boolean reads true or false.
func (p *fileParser) boolean(n ast.Node, key string) bool {
	b, ok := n.(*ast.BoolNode)
	if !ok {
		p.errorf(n, "%s must be true or false", key)
		return false
	}
	return b.Value
}

func (p *fileParser) str(n ast.Node, key string) string {
	switch v := n.(type) {
	case *ast.StringNode:
		return strings.TrimSpace(v.Value)
	case *ast.NullNode:
		return ""
	case ast.ScalarNode:
		return strings.TrimSpace(v.String())
	}
	p.errorf(n, "%s must be a single value", key)
	return ""
}

// words reads a list of non-empty strings (a single string is a list of one).
func (p *fileParser) words(n ast.Node, key string) []string {
	var out []string
	for _, e := range p.items(n) {
		w := p.str(e, key)
		switch {
		case w == "":
			p.errorf(e, "%s: empty word", key)
		case strings.ContainsAny(w, " \t\n"):
			p.errorf(e, "%s: word %q contains a space", key, w)
		case strings.ContainsFunc(w, unicode.IsControl):
			p.errorf(e, "%s: word %q contains a control character", key, w)
		default:
			out = append(out, w)
		}
	}
	return out
}

func (p *fileParser) formulas(n ast.Node) {
	if p.formulaIDs == nil {
		p.formulaIDs = map[string]Pos{}
	}
	for _, item := range p.entries(n, "formulas") {
		if f := p.formula(item); f != nil {
			p.file.Formulas = append(p.file.Formulas, f)
		}
	}
}

func (p *fileParser) formula(n ast.Node) *Formula {
	f := &Formula{Pos: p.entryPos(n)}
	before := len(p.errs)
	seen := map[string]*ast.MappingValueNode{}
	for _, kv := range p.mapping(n, "a formula entry") {
		k := keyName(kv)
		if seen[k] != nil {
			p.errorf(kv.Key, "duplicate key %q", k)
		}
		seen[k] = kv
		switch k {
		case "id":
			f.ID = p.str(kv.Value, k)
		case "metric":
			f.Metric = p.str(kv.Value, k)
			if f.Metric != "" {
				f.Refs = append(f.Refs, Ref{f.Metric, p.pos(kv.Value)})
			}
		case "sum":
			f.Sum = p.refs(kv.Value, k, &f.Refs)
			if len(f.Sum) < 2 {
				p.errorf(kv.Value, "sum needs at least two metric ids")
			}
		case "divide":
			f.Divide = p.refs(kv.Value, k, &f.Refs)
			if len(f.Divide) != 2 {
				p.errorf(kv.Value, "divide needs two metric ids: [numerator, denominator]")
			}
		case "alternates":
			f.Alternates = p.refs(kv.Value, k, &f.Refs)
		default:
			p.errorf(kv.Key, "unknown key %q (want one of %s)", k, strings.Join(formulaKeys, ", "))
		}
	}
	for _, req := range []struct{ key, val string }{{"id", f.ID}, {"metric", f.Metric}} {
		if seen[req.key] == nil {
			p.errs = append(p.errs, &Error{Pos: f.Pos, Msg: fmt.Sprintf("formula entry has no %s", req.key)})
		} else if req.val == "" {
			p.errs = append(p.errs, &Error{Pos: f.Pos, Msg: fmt.Sprintf("formula entry has an empty %s", req.key)})
		}
	}
	switch {
	case seen["sum"] == nil && seen["divide"] == nil:
		p.errs = append(p.errs, &Error{Pos: f.Pos, Msg: "formula entry needs sum or divide"})
	case seen["sum"] != nil && seen["divide"] != nil:
		p.errorf(seen["divide"].Key, "formula entry has both sum and divide")
	case seen["alternates"] != nil && seen["divide"] == nil:
		p.errorf(seen["alternates"].Key, "alternates only go with divide")
	}
	if f.ID != "" {
		if prev, dup := p.formulaIDs[f.ID]; dup {
			p.errs = append(p.errs, &Error{Pos: f.Pos, Msg: fmt.Sprintf("duplicate formula id %s (first at line %d)", f.ID, prev.Line)})
		} else {
			p.formulaIDs[f.ID] = f.Pos
		}
	}
	if len(p.errs) > before {
		return nil
	}
	return f
}

// orders reads the order checks: a list of chains of metric ids, each
// value at most the next.
func (p *fileParser) orders(n ast.Node) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		p.errorf(n, "order must be a list of chains like [a, b, c]")
		return
	}
	for _, item := range seq.Values {
		if _, ok := item.(*ast.SequenceNode); !ok {
			p.errorf(item, "an order chain must be a list of metric ids like [a, b, c]")
			continue
		}
		o := &Order{Pos: p.pos(item)}
		before := len(p.errs)
		o.Metrics = p.refs(item, "order", &o.Refs)
		if len(o.Metrics) < 2 && len(p.errs) == before {
			p.errorf(item, "an order chain needs at least two metric ids")
		}
		if len(p.errs) == before {
			p.file.Orders = append(p.file.Orders, o)
		}
	}
}

// refs reads a list of metric ids, noting where each is.
func (p *fileParser) refs(n ast.Node, key string, at *[]Ref) []string {
	var ids []string
	for _, e := range p.items(n) {
		id := p.str(e, key)
		switch {
		case id == "":
			p.errorf(e, "%s: empty metric id", key)
		case strings.ContainsAny(id, " \t\n"):
			p.errorf(e, "%s: metric id %q contains a space", key, id)
		default:
			ids = append(ids, id)
			*at = append(*at, Ref{id, p.pos(e)})
		}
	}
	return ids
}

// items gives the elements of a list (a single value is a list of one).
func (p *fileParser) items(n ast.Node) []ast.Node {
	switch v := n.(type) {
	case *ast.SequenceNode:
		return v.Values
	case *ast.NullNode:
		return nil
	}
	return []ast.Node{n}
}

// entryPos is the position of a list entry: its first key.
func (p *fileParser) entryPos(n ast.Node) Pos {
	if kvs, ok := n.(*ast.MappingNode); ok && len(kvs.Values) > 0 {
		return p.pos(kvs.Values[0].Key)
	} else if kv, ok := n.(*ast.MappingValueNode); ok {
		return p.pos(kv.Key)
	}
	return p.pos(n)
}
