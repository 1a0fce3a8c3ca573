package workspace

import (
	"fmt"
	"sort"
)

// readmeInfo is what the README says about the study.
type readmeInfo struct {
	// members are the people the README names, with the GitHub id found
	// beside each name.
	members []Member
	// ids are GitHub ids the README lists without a name that could be
	// paired with one of members; discovery may pair them with names found
	// in file names.
	ids      []string
	schedule []ScheduleRow
	warnings []string
}

// parseReadme reads a README: its tables (schedule and member tables, see
// readme_tables.go and readme_schedule.go), its participant sections (see
// readme_people.go), and pairs the GitHub ids it lists without a name with
// the names it gives elsewhere (the schedule's presenters).
func parseReadme(text string) readmeInfo {
	tables, lines := scanReadme(text)
	var info readmeInfo
	p := newPeople()
	for _, t := range tables {
		rows, names := scheduleOf(t)
		if rows != nil {
			info.schedule = append(info.schedule, rows...)
			for _, n := range names {
				p.name(n)
			}
			continue
		}
		if t.participants {
			p.memberTable(t)
		}
	}
	if len(info.schedule) == 0 {
		info.schedule = proseSchedule(lines)
	}
	// A table without a week column is the schedule only when nothing
	// numbers the weeks: the first such table, read in row order.
	for _, t := range tables {
		if len(info.schedule) > 0 {
			break
		}
		info.schedule = orderSchedule(t)
	}
	if len(info.schedule) > 0 {
		// The first schedule table wins for each week.
		seen := map[int]bool{}
		var rows []ScheduleRow
		for _, r := range info.schedule {
			if !seen[r.Week] {
				seen[r.Week] = true
				rows = append(rows, r)
			}
		}
		sort.SliceStable(rows, func(a, b int) bool { return rows[a].Week < rows[b].Week })
		info.schedule = rows
	}
	for _, l := range lines {
		if l.participants {
			p.listLine(l.text)
		}
	}
	info.members = p.members()
	info.ids, info.warnings = pairByFit(info.members, p.ids)
	return info
}

// pairByFit gives ids without a name to the members without an id: each
// to the member whose romanised name it fits best, then the rest in README
// order when the counts agree (with a warning). It returns the ids left.
func pairByFit(members []Member, ids []string) ([]string, []string) {
	var warnings []string
	var free []int
	for i := range members {
		if members[i].GitHub == "" {
			free = append(free, i)
		}
	}
	type pair struct{ id, m, score int }
	var pairs []pair
	for ii, id := range ids {
		for _, mi := range free {
			if s := githubScore(id, members[mi]); s > 0 {
				pairs = append(pairs, pair{ii, mi, s})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedID, usedM := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if usedID[p.id] || usedM[p.m] {
			continue
		}
		usedID[p.id], usedM[p.m] = true, true
		members[p.m].GitHub = ids[p.id]
	}
	var restIDs, restM []int
	for ii := range ids {
		if !usedID[ii] {
			restIDs = append(restIDs, ii)
		}
	}
	for _, mi := range free {
		if !usedM[mi] {
			restM = append(restM, mi)
		}
	}
	var left []string
	if len(restIDs) > 0 && len(restIDs) == len(restM) {
		for k, ii := range restIDs {
			m := &members[restM[k]]
			m.GitHub = ids[ii]
			warnings = append(warnings, fmt.Sprintf("GitHub id %q taken to be %s by README order; set members[].github in moim.yaml if that is wrong", ids[ii], m.Name))
		}
	} else {
		for _, ii := range restIDs {
			left = append(left, ids[ii])
		}
	}
	return left, warnings
}
