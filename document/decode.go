package document

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Byte order marks.
const (
	bomUTF8    = "\xEF\xBB\xBF"
	bomUTF16LE = "\xFF\xFE"
	bomUTF16BE = "\xFE\xFF"
)

// hasPrefix reports whether data starts with p.
func hasPrefix(data []byte, p string) bool {
	return len(data) >= len(p) && string(data[:len(p)]) == p
}

// decode turns data into a string and names the encoding it used. HTML pages
// are converted to their visible text and get an "html/" prefix. Errors are
// not yet prefixed with the file name.
func decode(name string, data []byte) (string, string, error) {
	if len(data) == 0 {
		return "", "", ErrEmpty
	}
	var (
		s, enc string
		err    error
		page   bool
	)
	switch {
	case hasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
		s, enc = validUTF8(data), "utf-8-bom"
		page = isHTML(name, data)
	case hasPrefix(data, bomUTF16LE):
		s, err = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
		enc = "utf-16le"
		page = isHTML(name, []byte(s[:min(len(s), 4096)]))
	case hasPrefix(data, bomUTF16BE):
		s, err = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		enc = "utf-16be"
		page = isHTML(name, []byte(s[:min(len(s), 4096)]))
	default:
		if bytes.IndexByte(data, 0) >= 0 {
			return "", "", ErrBinary
		}
		page = isHTML(name, data)
		if page {
			s, enc, err = decodeHTMLBytes(data)
		} else {
			s, enc, err = decodeText(data)
		}
	}
	switch {
	case err != nil:
		return "", "", fmt.Errorf("decoding %s: %w", enc, err)
	case s == "":
		return "", "", ErrEmpty
	case strings.IndexByte(s, 0) >= 0:
		return "", "", ErrBinary
	case page:
		return htmlText(s), "html/" + enc, nil
	}
	return s, enc, nil
}

// decodeText decodes a plain text file without byte order mark: UTF-8 when
// the bytes are (nearly) valid UTF-8, GB18030 (a superset of GBK) otherwise.
func decodeText(data []byte) (string, string, error) {
	if mostlyUTF8(data) {
		return validUTF8(data), "utf-8", nil
	}
	s, err := decodeWith(simplifiedchinese.GB18030, data)
	return s, "gb18030", err
}

// decodeHTMLBytes decodes an HTML page without byte order mark. Bytes that
// are (nearly) valid UTF-8 are read as UTF-8 whatever the page declares
// (saved pages often keep a stale meta charset); otherwise the declared
// charset is used, and without one GB18030.
func decodeHTMLBytes(data []byte) (string, string, error) {
	if mostlyUTF8(data) {
		return validUTF8(data), "utf-8", nil
	}
	if e, label := metaCharset(data); e != nil {
		s, err := decodeWith(e, data)
		return s, label, err
	}
	s, err := decodeWith(simplifiedchinese.GB18030, data)
	return s, "gb18030", err
}

// decodeWith decodes data with e.
func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	b, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return validUTF8(b), nil
}

// validUTF8 returns b as a string, each invalid sequence replaced by U+FFFD.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// mostlyUTF8 reports whether data is UTF-8: valid, or with invalid bytes so
// rare (a truncated last character, a stray byte) against the valid
// multi-byte characters that it cannot be GBK read by accident.
func mostlyUTF8(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi >= 20*bad
}

// metaCharset finds a charset declared near the top of an HTML page
// (<meta charset="gbk"> or http-equiv content="text/html; charset=gb2312").
// It returns the encoding and its label; GBK and GB2312 are read as GB18030,
// their superset. UTF-8 and UTF-16 declarations are ignored: the bytes are
// not valid UTF-8 when this is called, and UTF-16 needs a byte order mark.
func metaCharset(data []byte) (encoding.Encoding, string) {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	for {
		i := bytes.Index(head, []byte("charset"))
		if i < 0 {
			return nil, ""
		}
		head = head[i+len("charset"):]
		rest := bytes.TrimLeft(head, " \t\r\n")
		if len(rest) == 0 || rest[0] != '=' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n\"'")
		end := 0
		for end < len(rest) && isLabelByte(rest[end]) {
			end++
		}
		e, label := charset.Lookup(string(rest[:end]))
		switch {
		case e == nil, label == "utf-8", strings.HasPrefix(label, "utf-16"):
			continue
		case label == "gbk" || label == "gb18030":
			return simplifiedchinese.GB18030, "gb18030"
		}
		return e, label
	}
}

func isLabelByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'
}

// isHTML reports whether the file is an HTML page: by its extension, or by
// content that starts (after white space, comments and an XML declaration)
// with <!doctype html>, <html or <head.
func isHTML(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".html", ".htm", ".shtml", ".xhtml":
		return true
	}
	b := data[:min(len(data), 4096)]
	b = bytes.TrimPrefix(b, []byte(bomUTF8))
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		var end []byte
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(b, []byte("<?")):
			end = []byte("?>")
		}
		if end == nil {
			break
		}
		i := bytes.Index(b, end)
		if i < 0 {
			return false
		}
		b = b[i+len(end):]
	}
	b = bytes.ToLower(b[:min(len(b), 16)])
	for _, p := range []string{"<!doctype html", "<html", "<head"} {
		if bytes.HasPrefix(b, []byte(p)) {
			rest := b[len(p):]
			return len(rest) == 0 || !isLabelByte(rest[0]) || p == "<!doctype html"
		}
	}
	return false
}
