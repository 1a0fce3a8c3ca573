// Package offline is moim's default engine: no network, no key,
// deterministic. It picks each section's bullets from the member's own
// sentences as the week's analysis ranked them (package analyze) and writes
// the group sections from the week's member × concept matrix and schedule.
package offline
