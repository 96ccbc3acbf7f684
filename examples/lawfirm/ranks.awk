# Turns the lawyers of lazega-people.csv (one row each: id, status,
# office, practice, ...) into a kam-org people file.  The data has no
# names and no reporting lines; this gives each lawyer a name from the
# seniority rank the data is sorted by, and a chain of command that the
# study does not record:
#   level 1  the most senior partner (id 1), the managing partner;
#   level 2  in each office, the most senior other partner of each
#            practice heads it, and reports to the managing partner;
#   level 3  the other partners, and
#   level 4  the associates report to the head of their practice in
#            their office (in an office without a partner in that
#            practice, to the office's other head).
# usage: awk -F, -f ranks.awk lazega-people.csv > people.csv
NR == 1 { next }
{
	id[++n] = $1; status[$1] = $4; office[$1] = $5; practice[$1] = $12
	group = $5 "/" $12
	if ($1 != 1 && $4 == "partner" && !(group in head))
		head[group] = $1
}
END {
	for (i = 1; i <= n; i++) {
		g = office[id[i]] "/" practice[id[i]]
		if (!(g in head))
			for (h in head)
				if (index(h, office[id[i]] "/") == 1)
					head[g] = head[h]
	}
	print "handle,name,title,dept,level,reports_to"
	for (i = 1; i <= n; i++) {
		p = id[i]; g = office[p] "/" practice[p]
		if (p == 1) {
			level = 1; boss = ""; title = "managing partner"
		} else if (head[g] == p) {
			level = 2; boss = "l01"; title = "head of " practice[p]
		} else {
			level = status[p] == "partner" ? 3 : 4
			boss = sprintf("l%02d", head[g])
			title = practice[p] " " status[p]
		}
		printf "l%02d,Lawyer %d,%s,%s,%d,%s\n", p, p, title, office[p],
		    level, boss
	}
}
