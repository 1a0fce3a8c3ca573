package text

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"unsafe"

	ko "github.com/ikawaha/kagome-dict-ko"
	"github.com/ikawaha/kagome-dict/dict"
)

// The Korean system dictionary comes embedded in kagome-dict-ko as a zip
// whose tables kagome-dict decodes element by element (binary.Read through
// the unbuffered zip reader, a gob-encoded POS table): about 1 s of CPU and
// most of a run's garbage. moim decodes it that way once, then keeps a
// pre-decoded copy in the user cache directory — every table as one
// little-endian array, padded to 8 bytes — and later runs map that file
// into memory and use its arrays in place. The copy is keyed by the versions
// of the two dictionary modules and by this format, and carries a CRC-32C,
// so a copy from other modules, or a damaged one, is never used: it is
// decoded again from the embedded dictionary and rewritten. The tables are
// the same either way (TestDictCacheRoundTrip), so the analysis is too.
// docs/performance.md has the numbers.

// CacheDirEnv names the environment variable that moves moim's cache (the
// pre-decoded dictionary here, LLM answers in internal/engine/llm) from
// the user cache directory.
const CacheDirEnv = "MOIM_CACHE_DIR"

// DictCacheEnv names the environment variable that sets the folder of the
// pre-decoded dictionary alone (default: "dict" in moim's cache folder);
// "off" turns the copy off: every run decodes the embedded dictionary.
const DictCacheEnv = "MOIM_DICT_CACHE"

// dictCacheFormat changes whenever the file layout below changes.
const dictCacheFormat = 1

var dictCacheMagic = []byte("moimdict")

// loadSystemDict returns the shrunk kagome-dict-ko dictionary (no feature
// columns beyond the POS tags), from the cache when it holds a good copy.
func loadSystemDict() *dict.Dict {
	d, _ := loadDict(false)
	return d
}

// loadSearchDict is loadSystemDict for the search (viterbi): from the
// cache, the dictionary comes without kagome's POS table, and first gives
// what the search reads of it, each known morpheme's first tag (see
// firstTags). kagome's table is one slice per morpheme, 816,000 of them:
// 20 MB of fresh memory at every start and of pointers the garbage
// collector scans at every cycle. first is nil when d has its POS table
// (no cache, or a table firstTags cannot stand for).
func loadSearchDict() (d *dict.Dict, first []uint32) {
	return loadDict(true)
}

func loadDict(search bool) (*dict.Dict, []uint32) {
	path, key := dictCachePath()
	if path == "" {
		return ko.DictShrink(), nil
	}
	if d, first, err := readDictCacheAs(path, key, search); err == nil {
		return d, first
	}
	d := ko.DictShrink()
	// The cache is an optimisation: a read-only or full disk only costs
	// the next run the slow load again.
	_ = writeDictCache(path, key, d)
	return d, nil
}

// dictCachePath returns the cache file of the dictionary modules this
// binary was built with and the key that identifies them, or "" when the
// cache is off or cannot be used: no cache directory, a host that is not
// little-endian, or dictionary modules without a version (a replace
// directive pointing at a folder).
func dictCachePath() (path, key string) {
	if !littleEndian() || unsafe.Sizeof(dict.Morph{}) != 6 {
		return "", ""
	}
	koV, dictV := moduleVersion("github.com/ikawaha/kagome-dict-ko", ko.DictShrink), moduleVersion("github.com/ikawaha/kagome-dict", dict.Load)
	if koV == "" || dictV == "" {
		return "", ""
	}
	dir := os.Getenv(DictCacheEnv)
	switch {
	case dir == "off":
		return "", ""
	case dir != "":
	case os.Getenv(CacheDirEnv) != "":
		dir = filepath.Join(os.Getenv(CacheDirEnv), "dict")
	default:
		d, err := os.UserCacheDir()
		if err != nil {
			return "", ""
		}
		dir = filepath.Join(d, "moim", "dict")
	}
	key = fmt.Sprintf("format %d; %s; %s; shrink", dictCacheFormat, koV, dictV)
	sum := crc32.Checksum([]byte(key), castagnoli)
	return filepath.Join(dir, fmt.Sprintf("ko-%08x.bin", sum)), key
}

// moduleVersion returns "path@version" of the module mod (or of the module
// that replaces it) the binary was built with. A binary built by `go
// build` records it in its build information; a test binary does not, and
// there the version is read from the source path of fn, a function of the
// module ("…/kagome-dict-ko@v0.2.1/dict.go"). Both name the same module
// version, which the module cache keeps immutable. It returns "" when
// neither says: a replacement by a folder, or a vendored copy.
func moduleVersion(mod string, fn any) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path != mod {
				continue
			}
			if d.Replace != nil {
				d = d.Replace
			}
			if d.Version == "" || d.Version == "(devel)" {
				return ""
			}
			return d.Path + "@" + d.Version
		}
	}
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return ""
	}
	file, _ := f.FileLine(f.Entry())
	_, after, ok := strings.Cut(filepath.ToSlash(file), mod+"@")
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, "/")
	return mod + "@" + v
}

func littleEndian() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// The file: the magic, the format, the key, the tables in the order of
// encodeDict, then the CRC-32C of everything before it. Every length is a
// uint64 that is 0 for a nil slice or map and n+1 for n elements, so the
// decoded tables equal the originals exactly (reflect.DeepEqual).

// writeDictCache writes d's tables to path, through a temporary file
// renamed into place so that a reader never sees half a file.
func writeDictCache(path, key string, d *dict.Dict) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".ko-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	crc := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(f, crc), 1<<20)
	e := &encoder{w: bw}
	e.raw(dictCacheMagic)
	e.u64(dictCacheFormat)
	e.str(key)
	encodeDict(e, d)
	if e.err != nil {
		return e.err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if _, err := f.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32())); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	removeOtherCaches(path)
	return nil
}

// removeOtherCaches deletes the copies of other dictionary versions beside
// path: after an upgrade only the current one is worth its 60 MB.
func removeOtherCaches(path string) {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "ko-*.bin"))
	for _, p := range old {
		if p != path {
			os.Remove(p)
		}
	}
}

var errBadCache = errors.New("dictionary cache: damaged or from other modules")

// readDictCache maps the dictionary file at path into memory (mapFile) and
// checks its key and checksum. Its arrays point into the file's bytes,
// which stay mapped for the life of the process.
func readDictCache(path, key string) (*dict.Dict, error) {
	d, _, err := readDictCacheAs(path, key, false)
	return d, err
}

// readDictCacheAs is readDictCache, for the search when search is true
// (see loadSearchDict).
func readDictCacheAs(path, key string, search bool) (d *dict.Dict, first []uint32, err error) {
	b, unmap, err := mapFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		if err != nil {
			unmap()
		}
	}()
	if len(b) < 4 || checksum(b[:len(b)-4]) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, nil, errBadCache
	}
	dc := &decoder{b: b[:len(b)-4]}
	if string(dc.raw(len(dictCacheMagic))) != string(dictCacheMagic) || dc.u64() != dictCacheFormat || dc.str() != key {
		return nil, nil, errBadCache
	}
	d, first = decodeDict(dc, search)
	if dc.err != nil || dc.off != len(dc.b) {
		return nil, nil, errBadCache
	}
	return d, first, nil
}

// checksum is the CRC-32C of b, computed a megabyte at a time: the
// checksum's assembly loop cannot be preempted, so one call over the whole
// file (58 MB, its pages faulted in on the way) held up every
// stop-the-world phase of the garbage collector, and with it every other
// goroutine, for about 20 ms at the start of a run.
func checksum(b []byte) uint32 {
	var c uint32
	for len(b) > 0 {
		n := min(len(b), 1<<20)
		c = crc32.Update(c, castagnoli, b[:n])
		b = b[n:]
	}
	return c
}

// readFile is os.ReadFile with mapFile's results.
func readFile(path string) ([]byte, func(), error) {
	b, err := os.ReadFile(path)
	return b, func() {}, err
}

// encodeDict and decodeDict list every table of dict.Dict in one order.
func encodeDict(e *encoder, d *dict.Dict) {
	encodeMorphs(e, d.Morphs)
	encodePOS(e, d.POSTable.POSs)
	e.strs(d.POSTable.NameList)
	e.meta(d.ContentsMeta)
	e.contents(d.Contents)
	e.u64(uint64(d.Connection.Row))
	e.u64(uint64(d.Connection.Col))
	e.array(d.Connection.Vec == nil, len(d.Connection.Vec), bytesOf(d.Connection.Vec))
	e.array(d.Index.Da == nil, len(d.Index.Da), bytesOf(d.Index.Da))
	e.int32s(d.Index.Dup)
	e.strs(d.CharClass)
	e.array(d.CharCategory == nil, len(d.CharCategory), d.CharCategory)
	e.array(d.InvokeList == nil, len(d.InvokeList), bytesOf(d.InvokeList))
	e.array(d.GroupList == nil, len(d.GroupList), bytesOf(d.GroupList))
	encodeMorphs(e, d.UnkDict.Morphs)
	e.int32s(d.UnkDict.Index)
	e.int32s(d.UnkDict.IndexDup)
	e.meta(d.UnkDict.ContentsMeta)
	e.contents(d.UnkDict.Contents)
	if info := d.Info(); info != nil {
		e.u64(1)
		e.str(info.Name)
		e.str(info.Src)
	} else {
		e.u64(0)
	}
}

func decodeDict(dc *decoder, search bool) (*dict.Dict, []uint32) {
	d := &dict.Dict{}
	d.Morphs = decodeMorphs(dc)
	lens, ids := decodePOSArrays(dc)
	d.POSTable.NameList = dc.strs()
	var first []uint32
	if search && len(lens) <= len(d.Morphs) && len(d.POSTable.NameList) < tagNone {
		first = firstTags(dc, lens, ids)
	} else {
		d.POSTable.POSs = decodePOS(dc, lens, ids)
	}
	d.ContentsMeta = dc.meta()
	d.Contents = dc.contents()
	d.Connection.Row = int64(dc.u64())
	d.Connection.Col = int64(dc.u64())
	d.Connection.Vec = decodeArray[int16](dc)
	d.Index.Da = decodeArray[struct{ Base, Check int32 }](dc)
	d.Index.Dup = dc.int32s()
	d.CharClass = dc.strs()
	d.CharCategory = decodeArray[byte](dc)
	d.InvokeList = decodeArray[bool](dc)
	d.GroupList = decodeArray[bool](dc)
	d.UnkDict.Morphs = decodeMorphs(dc)
	d.UnkDict.Index = dc.int32s()
	d.UnkDict.IndexDup = dc.int32s()
	d.UnkDict.ContentsMeta = dc.meta()
	d.UnkDict.Contents = dc.contents()
	if dc.u64() == 1 {
		d.SetInfo(&dict.Info{Name: dc.str(), Src: dc.str()})
	}
	return d, first
}

func encodeMorphs(e *encoder, m dict.Morphs) { e.array(m == nil, len(m), bytesOf(m)) }

func decodeMorphs(dc *decoder) dict.Morphs { return decodeArray[dict.Morph](dc) }

// encodePOS writes the POS of every morph as one array of lengths and one
// of IDs; decodePOS slices the IDs back into the morphs' POS.
func encodePOS(e *encoder, pos []dict.POS) {
	lens := make([]uint16, len(pos))
	var ids []dict.POSID
	for i, p := range pos {
		if len(p) > 0xfffe {
			e.fail(fmt.Errorf("dictionary cache: a POS of %d tags", len(p)))
			return
		}
		lens[i] = uint16(len(p))
		if p != nil {
			lens[i]++ // 0 keeps a nil POS nil
		}
		ids = append(ids, p...)
	}
	e.array(pos == nil, len(lens), bytesOf(lens))
	e.array(false, len(ids), bytesOf(ids))
}

func decodePOSArrays(dc *decoder) (lens []uint16, ids []dict.POSID) {
	return decodeArray[uint16](dc), decodeArray[dict.POSID](dc)
}

func decodePOS(dc *decoder, lens []uint16, ids []dict.POSID) []dict.POS {
	if lens == nil || dc.err != nil {
		return nil
	}
	pos := make([]dict.POS, len(lens))
	if !eachPOS(dc, lens, ids, func(i int, p dict.POS) { pos[i] = p }) {
		return nil
	}
	return pos
}

// firstTags returns, by morpheme id, 1 + the first POS id of each morpheme
// of the POS arrays decodePOS would slice (0 for a nil or empty POS).
func firstTags(dc *decoder, lens []uint16, ids []dict.POSID) []uint32 {
	if dc.err != nil {
		return nil
	}
	first := make([]uint32, len(lens))
	if !eachPOS(dc, lens, ids, func(i int, p dict.POS) {
		if len(p) > 0 {
			first[i] = uint32(p[0]) + 1
		}
	}) {
		return nil
	}
	return first
}

// eachPOS calls f with every morpheme's POS that is not nil, sliced from
// ids; it fails dc and returns false when ids is too short.
func eachPOS(dc *decoder, lens []uint16, ids []dict.POSID, f func(i int, p dict.POS)) bool {
	off := 0
	for i, l := range lens {
		if l == 0 {
			continue
		}
		n := int(l) - 1
		if off+n > len(ids) {
			dc.fail()
			return false
		}
		f(i, ids[off:off+n:off+n])
		off += n
	}
	return true
}

// bytesOf is the memory of the slice s, which holds no pointers.
func bytesOf[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	var zero T
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(zero)))
}

// decodeArray returns the next array of the file as a []T that uses the
// file's bytes in place (they are aligned to 8 bytes); T holds no
// pointers.
func decodeArray[T any](dc *decoder) []T {
	n, isNil := dc.length()
	var zero T
	size := int(unsafe.Sizeof(zero))
	dc.pad()
	b := dc.raw(n * size)
	if isNil || dc.err != nil {
		return nil
	}
	if n == 0 {
		return []T{}
	}
	p := unsafe.Pointer(unsafe.SliceData(b))
	if uintptr(p)%unsafe.Alignof(zero) != 0 {
		// Not where it can be used in place: copy it.
		out := make([]T, n)
		copy(bytesOf(out), b)
		return out
	}
	return unsafe.Slice((*T)(p), n)
}

// encoder writes the file, keeping its offset so that arrays start at a
// multiple of 8.
type encoder struct {
	w   io.Writer
	off int
	err error
}

func (e *encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *encoder) raw(b []byte) {
	if e.err != nil {
		return
	}
	n, err := e.w.Write(b)
	e.off += n
	e.fail(err)
}

func (e *encoder) u64(v uint64) { e.raw(binary.LittleEndian.AppendUint64(nil, v)) }

func (e *encoder) length(isNil bool, n int) {
	if isNil {
		e.u64(0)
		return
	}
	e.u64(uint64(n) + 1)
}

func (e *encoder) array(isNil bool, n int, b []byte) {
	e.length(isNil, n)
	e.raw(make([]byte, (8-e.off%8)%8))
	e.raw(b)
}

func (e *encoder) str(s string) {
	e.u64(uint64(len(s)))
	e.raw([]byte(s))
}

func (e *encoder) strs(ss []string) {
	e.length(ss == nil, len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) contents(c [][]string) {
	e.length(c == nil, len(c))
	for _, row := range c {
		e.strs(row)
	}
}

func (e *encoder) meta(m map[string]int8) {
	e.length(m == nil, len(m))
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e.str(k)
		e.u64(uint64(m[k]))
	}
}

func (e *encoder) int32s(m map[int32]int32) {
	e.length(m == nil, len(m))
	keys := make([]int32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	pairs := make([]int32, 0, 2*len(m))
	for _, k := range keys {
		pairs = append(pairs, k, m[k])
	}
	e.raw(make([]byte, (8-e.off%8)%8))
	e.raw(bytesOf(pairs))
}

// decoder reads the file; after the first error every read returns zero
// values.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errBadCache
	}
}

func (d *decoder) raw(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b)-d.off {
		d.fail()
		return nil
	}
	b := d.b[d.off : d.off+n : d.off+n]
	d.off += n
	return b
}

func (d *decoder) pad() { d.raw((8 - d.off%8) % 8) }

func (d *decoder) u64() uint64 {
	b := d.raw(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

// length reads a length, failing when it is larger than what is left of
// the file (each element takes at least one byte).
func (d *decoder) length() (n int, isNil bool) {
	v := d.u64()
	if v == 0 {
		return 0, true
	}
	if v-1 > uint64(len(d.b)-d.off) {
		d.fail()
		return 0, true
	}
	return int(v - 1), false
}

func (d *decoder) str() string {
	v := d.u64()
	if v > uint64(len(d.b)-d.off) {
		d.fail()
		return ""
	}
	return string(d.raw(int(v)))
}

func (d *decoder) strs() []string {
	n, isNil := d.length()
	if isNil {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) contents() [][]string {
	n, isNil := d.length()
	if isNil {
		return nil
	}
	out := make([][]string, n)
	for i := range out {
		out[i] = d.strs()
	}
	return out
}

func (d *decoder) meta() map[string]int8 {
	n, isNil := d.length()
	if isNil {
		return nil
	}
	m := make(map[string]int8, n)
	for range n {
		k := d.str()
		m[k] = int8(d.u64())
	}
	return m
}

func (d *decoder) int32s() map[int32]int32 {
	n, isNil := d.length()
	if isNil {
		return nil
	}
	d.pad()
	b := d.raw(8 * n)
	if d.err != nil {
		return nil
	}
	m := make(map[int32]int32, n)
	for i := 0; i < n; i++ {
		m[int32(binary.LittleEndian.Uint32(b[8*i:]))] = int32(binary.LittleEndian.Uint32(b[8*i+4:]))
	}
	return m
}
