package doc

import "testing"

func TestSplitMemberHeading(t *testing.T) {
	for _, tt := range []struct{ in, name, roman string }{
		{"박지민 (Park Ji-Min)", "박지민", "Park Ji-Min"},
		{"박지민（Park Ji-Min）", "박지민", "Park Ji-Min"},
		{"  최유나 ( Choi Yu-Na )  ", "최유나", "Choi Yu-Na"},
		{"강민수 (Kang Min-Su", "강민수", "Kang Min-Su"},
		{"강민수", "강민수", ""},
		{"(괄호만)", "(괄호만)", ""},
		// A decomposed (NFD) name comes out composed.
		{"\u1100\u1161\u11bc\u1106\u1175\u11ab\u1109\u116e (Kang)", "강민수", "Kang"},
	} {
		name, roman := SplitMemberHeading(tt.in)
		if name != tt.name || roman != tt.roman {
			t.Errorf("SplitMemberHeading(%q) = %q, %q; want %q, %q", tt.in, name, roman, tt.name, tt.roman)
		}
	}
}
