# Generates the stance benchmark's observations as kam-stance import CSV:
# awk -v n=1000000 -v people=10000 -f gen-stance.awk
# Each row is a random person of account "big", a random stance, and a
# random day among the five years before 2026-03-02.  Deterministic.
function day(k,    y, m, d, dim) {
	# k days after 2021-03-02 (day 0 of the five years).
	y = 2021; m = 3; d = 2 + k
	for (;;) {
		dim = (m == 2) ? ((y % 4 == 0) ? 29 : 28) : \
		    (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
		if (d <= dim)
			break
		d -= dim
		if (++m > 12) { m = 1; y++ }
	}
	return sprintf("%04d-%02d-%02d", y, m, d)
}
BEGIN {
	srand(20260302)
	split("support neutral oppose", word, " ")
	ndays = 1825
	for (k = 0; k < ndays; k++)
		days[k] = day(k)
	print "person,stance,on,note"
	for (i = 0; i < n; i++) {
		p = int(rand() * people) + 1
		note = (i % 10 == 0) ? "weekly review " i : ""
		printf "big/p%05d,%s,%s,%s\n", p, word[int(rand() * 3) + 1], \
		    days[int(rand() * ndays)], note
	}
}
