package text

import (
	"bytes"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	ko "github.com/ikawaha/kagome-dict-ko"
	"github.com/ikawaha/kagome-dict/dict"
)

// TestDictCacheRoundTrip: the pre-decoded copy decodes to exactly the
// tables kagome-dict decodes from the embedded dictionary, so the analysis
// (and every document) is the same with and without the cache.
func TestDictCacheRoundTrip(t *testing.T) {
	want := ko.DictShrink()
	path := filepath.Join(t.TempDir(), "dict", "ko.bin")
	if err := writeDictCache(path, "key", want); err != nil {
		t.Fatal(err)
	}
	got, err := readDictCache(path, "key")
	if err != nil {
		t.Fatal(err)
	}
	if !sameDict(got, want) {
		t.Fatal("the cached dictionary differs from the embedded one")
	}
}

// sameDict is reflect.DeepEqual(a, b), with the large arrays compared as
// bytes (DeepEqual takes seconds on 10 million elements).
func sameDict(a, b *dict.Dict) bool {
	for _, p := range [][2][]byte{
		{bytesOf(a.Morphs), bytesOf(b.Morphs)},
		{bytesOf(a.Connection.Vec), bytesOf(b.Connection.Vec)},
		{bytesOf(a.Index.Da), bytesOf(b.Index.Da)},
	} {
		if !bytes.Equal(p[0], p[1]) {
			return false
		}
	}
	if len(a.POSTable.POSs) != len(b.POSTable.POSs) {
		return false
	}
	for i := range a.POSTable.POSs {
		pa, pb := a.POSTable.POSs[i], b.POSTable.POSs[i]
		if (pa == nil) != (pb == nil) || !slices.Equal(pa, pb) {
			return false
		}
	}
	ca, cb := *a, *b
	for _, c := range []*dict.Dict{&ca, &cb} {
		c.Morphs, c.Connection.Vec, c.Index.Da, c.POSTable.POSs = nil, nil, nil, nil
	}
	return reflect.DeepEqual(ca, cb)
}

// TestDictCacheRejects: a copy with another key, a damaged byte or a cut
// end is not used.
func TestDictCacheRejects(t *testing.T) {
	d := smallDict()
	path := filepath.Join(t.TempDir(), "ko.bin")
	if err := writeDictCache(path, "v1", d); err != nil {
		t.Fatal(err)
	}
	if got, err := readDictCache(path, "v1"); err != nil || !sameDict(got, d) {
		t.Fatalf("good copy: %v, equal %v", err, sameDict(got, d))
	}
	if _, err := readDictCache(path, "v2"); err == nil {
		t.Error("a copy made for other modules was used")
	}
	good, _ := os.ReadFile(path)
	for name, b := range map[string][]byte{
		"flipped byte": func() []byte { b := append([]byte{}, good...); b[len(b)/2] ^= 1; return b }(),
		"cut end":      good[:len(good)-9],
		"empty":        {},
	} {
		os.WriteFile(path, b, 0o644)
		if _, err := readDictCache(path, "v1"); err == nil {
			t.Errorf("%s: the damaged copy was used", name)
		}
	}
}

// TestLoadSystemDictCache: the first load writes the copy into
// MOIM_CACHE_DIR/dict (or MOIM_DICT_CACHE), the next one reads it and gets
// the same tables; MOIM_DICT_CACHE=off writes nothing.
func TestLoadSystemDictCache(t *testing.T) {
	if !littleEndian() {
		t.Skip("the dictionary cache is for little-endian hosts")
	}
	dir := t.TempDir()
	t.Setenv(DictCacheEnv, "")
	t.Setenv(CacheDirEnv, dir)
	path, key := dictCachePath()
	if filepath.Dir(path) != filepath.Join(dir, "dict") {
		t.Fatalf("cache %s is not in %s/dict", path, dir)
	}
	first := loadSystemDict()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no copy written: %v", err)
	}
	second, err := readDictCache(path, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Morphs) != len(first.Morphs) || len(second.Index.Da) != len(first.Index.Da) {
		t.Error("the copy read back differs")
	}

	own := t.TempDir()
	t.Setenv(DictCacheEnv, own)
	if p, _ := dictCachePath(); filepath.Dir(p) != own {
		t.Errorf("MOIM_DICT_CACHE=%s: cache at %s", own, p)
	}
	t.Setenv(DictCacheEnv, "off")
	if p, _ := dictCachePath(); p != "" {
		t.Errorf("MOIM_DICT_CACHE=off: cache at %s", p)
	}
}

// smallDict is a dictionary with every kind of table, some nil, some
// empty.
func smallDict() *dict.Dict {
	d := &dict.Dict{
		Morphs:       dict.Morphs{{LeftID: 1, RightID: 2, Weight: -3}, {LeftID: 4, RightID: 5, Weight: 6}},
		POSTable:     dict.POSTable{POSs: []dict.POS{{1}, nil, {2, 3}, {}}, NameList: []string{"NNG", "조사"}},
		ContentsMeta: dict.ContentsMeta{"_pos_start": 0, "_reading": 3},
		Contents:     [][]string{{"a", "b"}, nil, {}},
		Connection:   dict.ConnectionTable{Row: 2, Col: 1, Vec: []int16{7, -8}},
		CharClass:    []string{"DEFAULT", "HANGUL"},
		CharCategory: dict.CharCategory{0, 1, 1},
		InvokeList:   dict.InvokeList{true, false},
		GroupList:    dict.GroupList{},
		UnkDict:      dict.UnkDict{Morphs: dict.Morphs{{LeftID: 9}}, Index: map[int32]int32{1: 0, 2: 1}},
	}
	d.Index.Da = append(d.Index.Da, struct{ Base, Check int32 }{1, -1})
	d.Index.Dup = map[int32]int32{3: 1}
	d.SetInfo(&dict.Info{Name: "ko", Src: "test"})
	return d
}

// TestDictCacheMappedSurvivesReplace: the tables read from a copy stay
// whole when the copy is replaced (a newer moim writing its own through a
// rename) or removed while they are in use, as the mapped file's pages
// belong to the old file.
func TestDictCacheMappedSurvivesReplace(t *testing.T) {
	d := smallDict()
	path := filepath.Join(t.TempDir(), "ko.bin")
	if err := writeDictCache(path, "v1", d); err != nil {
		t.Fatal(err)
	}
	got, err := readDictCache(path, "v1")
	if err != nil {
		t.Fatal(err)
	}
	other := smallDict()
	other.Connection.Vec = slices.Clone(other.Connection.Vec)
	for i := range other.Connection.Vec {
		other.Connection.Vec[i]++
	}
	if err := writeDictCache(path, "v2", other); err != nil {
		t.Fatal(err)
	}
	if !sameDict(got, d) {
		t.Error("the tables changed when the copy was replaced")
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if !sameDict(got, d) {
		t.Error("the tables changed when the copy was removed")
	}
}

// TestMapFile: mapFile gives the file's bytes, also for an empty file and
// after the file is gone; a missing file is an error.
func TestMapFile(t *testing.T) {
	dir := t.TempDir()
	want := bytes.Repeat([]byte("모임 dictionary "), 5000)
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, want, 0o644); err != nil {
		t.Fatal(err)
	}
	b, unmap, err := mapFile(p)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(p)
	if !bytes.Equal(b, want) {
		t.Error("mapped bytes differ from the file")
	}
	unmap()
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o644)
	if b, _, err := mapFile(empty); err != nil || len(b) != 0 {
		t.Errorf("empty file: %d bytes, %v", len(b), err)
	}
	if _, _, err := mapFile(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing file mapped")
	}
}

// TestChecksumSameAsCRC: the checksum taken a megabyte at a time is the
// CRC-32C of the whole.
func TestChecksumSameAsCRC(t *testing.T) {
	b := make([]byte, 3<<20+7)
	for i := range b {
		b[i] = byte(i*7 + i>>9)
	}
	for _, n := range []int{0, 1, 1 << 20, 1<<20 + 1, 2<<20 - 1, len(b)} {
		if got, want := checksum(b[:n]), crc32.Checksum(b[:n], castagnoli); got != want {
			t.Errorf("%d bytes: checksum %08x, CRC-32C %08x", n, got, want)
		}
	}
}

// TestSearchDictSameTags: the search's dictionary, read from the copy
// without kagome's POS table, gives every known morpheme the tag the
// whole table gives it, on the edge cases of the table (a nil, an empty,
// a longer POS, an id beyond the name list) and on the Korean dictionary.
func TestSearchDictSameTags(t *testing.T) {
	small := smallDict()
	small.Morphs = append(small.Morphs, dict.Morph{LeftID: 1}, dict.Morph{RightID: 1}, dict.Morph{})
	small.Contents = [][]string{{"a", "b"}, nil, {"다른"}, {"내용"}}
	for name, d := range map[string]*dict.Dict{"small": small, "ko": ko.DictShrink()} {
		path := filepath.Join(t.TempDir(), "ko.bin")
		if err := writeDictCache(path, "v1", d); err != nil {
			t.Fatal(err)
		}
		sd, first, err := readDictCacheAs(path, "v1", true)
		if err != nil {
			t.Fatal(err)
		}
		if sd.POSTable.POSs != nil || first == nil {
			t.Fatalf("%s: the search's dictionary has the POS table (%d) or no first tags (%d)", name, len(sd.POSTable.POSs), len(first))
		}
		whole, search := newViterbi(d, nil, nil), newViterbi(sd, nil, first)
		if !slices.Equal(whole.tag, search.tag) {
			t.Errorf("%s: the tag tables differ", name)
		}
		for id := range d.Morphs {
			n := &lnode{id: int32(id), class: classKnown}
			got, want := search.token("", n), whole.token("", n)
			wantTag, wantOK := knownTag(d, id)
			if got.tag != want.tag || got.tagOK != want.tagOK || got.tag != wantTag || got.tagOK != wantOK {
				t.Errorf("%s: morpheme %d: tag %q %v, whole table %q %v, kagome %q %v", name, id, got.tag, got.tagOK, want.tag, want.tagOK, wantTag, wantOK)
				break
			}
		}
	}
	// A table with more POS entries than morphemes keeps kagome's table.
	path := filepath.Join(t.TempDir(), "ko.bin")
	if err := writeDictCache(path, "v1", smallDict()); err != nil {
		t.Fatal(err)
	}
	if d, first, err := readDictCacheAs(path, "v1", true); err != nil || first != nil || !sameDict(d, smallDict()) {
		t.Errorf("a table firstTags cannot stand for: first %v, err %v", first, err)
	}
}
