package mailtext

// kind is what a token means, independent of how the HTML spelled it.
type kind uint8

const (
	kChar        kind = iota // one character of copy (r)
	kBr                      // a line break
	kLiquid                  // a Liquid object or tag, kept verbatim (str)
	kBoldOpen                // <b> or <strong>
	kBoldClose               //
	kItalicOpen              // <i> or <em>
	kItalicClose             //
	kLinkOpen                // <a href> (str is the address, entities decoded)
	kLinkClose               //
	kParaOpen                // <p> or <div> at the top level
	kParaClose               // (empty when the paragraph shows nothing)
	kListOpen                // <ul>
	kListClose               //
	kItemOpen                // <li>
	kItemClose               // (empty when the item shows nothing)
	kEnd                     // the end of the message (src: whitespace after the last block)
)

// token is one unit of meaning of a message. Decoded tokens carry the exact
// bytes of the HTML they came from (src); tokens parsed from edited text
// have none, and Encode either reuses a matching decoded token's src or
// writes the message's own convention for the kind.
type token struct {
	kind  kind
	empty bool   // kParaClose, kItemClose: the element holds nothing visible
	r     rune   // kChar
	str   string // kLiquid: the markup; kLinkOpen: the address
	src   string // decoded tokens only: the HTML this token was read from
	pair  int32  // decoded opens and closes: the index of the other half
}

// span is a byte range [start, end) with the quote that delimits it.
type span struct {
	start, end int32
	quote      byte
}

// same reports whether two tokens mean the same thing; sources do not count.
func same(a, b *token) bool {
	return a.kind == b.kind && a.r == b.r && a.empty == b.empty && a.str == b.str
}

func isOpen(k kind) bool {
	switch k {
	case kBoldOpen, kItalicOpen, kLinkOpen, kParaOpen, kListOpen, kItemOpen:
		return true
	}
	return false
}

func isClose(k kind) bool {
	switch k {
	case kBoldClose, kItalicClose, kLinkClose, kParaClose, kListClose, kItemClose:
		return true
	}
	return false
}

// closeOf is the close kind that ends an open kind.
func closeOf(k kind) kind { return k + 1 }
