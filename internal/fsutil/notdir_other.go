//go:build !unix

package fsutil

func isNotDir(error) bool { return false }
