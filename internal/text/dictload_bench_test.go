package text

import (
	"archive/zip"
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	ko "github.com/ikawaha/kagome-dict-ko"
	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/dict/trie"
)

// BenchmarkDictLoad compares ways of loading the Korean system dictionary,
// in this process, from the copy of the embedded zip that kagome-dict-ko
// ships for its tests (testdata/ko.dict in the module cache; skipped when
// it is not there):
//
//   - kagome: dict.LoadShrink, what ko.DictShrink does with the embedded
//     zip: every element through binary.Read on the unbuffered zip reader;
//   - buffered: the same kagome-dict readers on a bufio.Reader, the
//     one-line change upstream (kagome-dict's loadZippedDictPart);
//   - bulk: the morph, trie and index tables each read with one
//     binary.Read of the whole slice, the larger change upstream;
//   - cache: moim's pre-decoded copy (readDictCache), what moim does after
//     its first run.
//
// docs/performance.md records the results:
//
//	go test ./internal/text -run '^$' -bench DictLoad -benchtime 5x -benchmem
func BenchmarkDictLoad(b *testing.B) {
	path := koTestdata(b)
	want := ko.DictShrink()
	cache := filepath.Join(b.TempDir(), "ko.bin")
	if err := writeDictCache(cache, "bench", want); err != nil {
		b.Fatal(err)
	}
	for _, v := range []struct {
		name string
		load func() (*dict.Dict, error)
	}{
		{"kagome", func() (*dict.Dict, error) { return dict.LoadShrink(path) }},
		{"buffered", func() (*dict.Dict, error) { return loadZip(path, false) }},
		{"bulk", func() (*dict.Dict, error) { return loadZip(path, true) }},
		{"cache", func() (*dict.Dict, error) { return readDictCache(cache, "bench") }},
	} {
		b.Run(v.name, func(b *testing.B) {
			// Every loader must give the embedded dictionary's tables
			// for the comparison to be fair.
			if d, err := v.load(); err != nil || !sameDict(d, want) {
				b.Fatalf("%s does not load the embedded dictionary (%v)", v.name, err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				d, err := v.load()
				if err != nil || len(d.Morphs) == 0 {
					b.Fatalf("load: %v", err)
				}
			}
		})
	}
}

// koTestdata returns kagome-dict-ko's testdata/ko.dict beside the module's
// source.
func koTestdata(tb testing.TB) string {
	f := runtime.FuncForPC(reflect.ValueOf(ko.DictShrink).Pointer())
	file, _ := f.FileLine(f.Entry())
	path := filepath.Join(filepath.Dir(file), "testdata", "ko.dict")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("kagome-dict-ko's test dictionary not found: %v", err)
	}
	return path
}

// loadZip loads the dictionary zip at path without its contents, reading
// every part through a bufio.Reader; bulk reads the large tables in one
// binary.Read each.
func loadZip(path string, bulk bool) (*dict.Dict, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	d := &dict.Dict{}
	for _, f := range zr.File {
		if f.Name == dict.ContentDictFileName {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		r := bufio.NewReaderSize(rc, 1<<16)
		switch f.Name {
		case dict.MorphDictFileName:
			if bulk {
				d.Morphs, err = readSlice[dict.Morph](r)
			} else {
				d.Morphs, err = dict.ReadMorphs(r)
			}
		case dict.POSDictFileName:
			d.POSTable, err = dict.ReadPOSTable(r)
		case dict.ContentMetaFileName:
			d.ContentsMeta, err = dict.ReadContentsMeta(r)
		case dict.IndexDictFileName:
			if bulk {
				d.Index, err = readIndexBulk(r)
			} else {
				d.Index, err = dict.ReadIndexTable(r)
			}
		case dict.ConnectionDictFileName:
			d.Connection, err = dict.ReadConnectionTable(r)
		case dict.CharDefDictFileName:
			var cd *dict.CharDef
			if cd, err = dict.ReadCharDef(r); err == nil {
				d.CharClass, d.CharCategory, d.InvokeList, d.GroupList = cd.CharClass, cd.CharCategory, cd.InvokeList, cd.GroupList
			}
		case dict.UnkDictFileName:
			d.UnkDict, err = dict.ReadUnkDic(r)
		case dict.DictInfoFileName:
			d.SetInfo(dict.ReadDictInfo(r))
		default:
			err = fmt.Errorf("unknown part %s", f.Name)
		}
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return d, nil
}

// readSlice reads an int64 length and that many fixed-size elements.
func readSlice[T any](r io.Reader) ([]T, error) {
	var n int64
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return nil, err
	}
	s := make([]T, n)
	return s, binary.Read(r, binary.LittleEndian, s)
}

// readIndexBulk is dict.ReadIndexTable with the trie read in one go.
func readIndexBulk(r io.Reader) (dict.IndexTable, error) {
	var idx dict.IndexTable
	da, err := readSlice[struct{ Base, Check int32 }](r)
	if err != nil {
		return idx, err
	}
	idx.Da = trie.DoubleArray(da)
	dup, err := readSlice[[2]int32](r)
	if err != nil {
		return idx, err
	}
	idx.Dup = make(map[int32]int32, len(dup))
	for _, kv := range dup {
		idx.Dup[kv[0]] = kv[1]
	}
	return idx, nil
}
