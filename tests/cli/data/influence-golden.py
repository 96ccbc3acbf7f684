#!/usr/bin/python3
"""Golden values of kam-org influence, computed independently with
networkx (Debian's python3-networkx, with python3-scipy for pagerank).

Run from the top of the source tree:

    /usr/bin/python3 tests/cli/data/influence-golden.py

It writes tests/cli/expected/influence-golden-*.tsv, one per network:
the columns person, influence and brokerage, in the order kam-org
influence documents.  The tests compare kam-org's output with these
files; they never run this script.

The networks are the ones tests/cli/t8000-influence-golden.sh imports:

  krackhardt  Krackhardt's 21 managers, advice only.  A row from,to of
              advice.csv means "from goes to to for advice", so to
              advises from: the link is "m<to> advises m<from>",
              strength 2 (kam's default).
  lazega      Lazega's 71 lawyers, advice only, read the same way.
  lazega-mix  Lazega again, with varied strengths and every kind of
              link: advice with strength (from + to) % 3 + 1, cowork
              (each pair once, from < to) as allies of strength 1, and
              friendship as rivals (which count for nothing).

The rules, as kam-org(1) states them: "A advises B" and "A influences B"
give B's weight to A, a tie from B to A whose weight is the strength;
"allies" is a tie each way; "rivals" none.  Ties in the same direction
between the same two people add up.  influence is PageRank with damping
0.85 over the weights; brokerage is betweenness with 1/weight as the
length of a tie, normalised by (n - 1)(n - 2).  The order: influence
rounded to 6 decimals, most first, then brokerage rounded the same way,
most first, then handle in byte order.
"""

import csv
import os
from fractions import Fraction

import networkx as nx

DATA = "tests/data"
OUT = "tests/cli/expected"


def rows(path):
    with open(path, newline="") as f:
        return [(int(r["from"]), int(r["to"])) for r in csv.DictReader(f)]


def people(path, prefix):
    with open(path, newline="") as f:
        return [prefix + r["id"] for r in csv.DictReader(f)]


def links_advice(net, prefix, strength):
    """kam's links from an advice file: to advises from."""
    return [
        (prefix + str(t), prefix + str(f), "advises", strength(f, t))
        for f, t in rows(os.path.join(DATA, net, "advice.csv"))
    ]


def graph(nodes, links):
    ties = {}
    for a, b, kind, s in links:
        if kind in ("advises", "influences"):
            ties[(b, a)] = ties.get((b, a), 0) + s
        elif kind == "allies":
            ties[(b, a)] = ties.get((b, a), 0) + s
            ties[(a, b)] = ties.get((a, b), 0) + s
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    for (u, v), w in ties.items():
        g.add_edge(u, v, weight=float(w), exact=Fraction(1, w))
    return g


def scores(g):
    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13,
                     max_iter=100000)
    # Betweenness over exact lengths (fractions): with float lengths, two
    # paths of equal length in arithmetic (1/3 + 1/3 + 1/2 and
    # 1/2 + 1/3 + 1/3) can differ in the last bit and count as one
    # shortest path instead of two.  igraph compares path lengths with a
    # tolerance, which gives the exact answer.
    bc = nx.betweenness_centrality(g, weight="exact", normalized=True)
    return pr, {k: float(v) for k, v in bc.items()}


def write(name, g):
    pr, bc = scores(g)
    order = sorted(g.nodes, key=lambda k: (-round(pr[k], 6),
                                           -round(bc[k], 6), k.encode()))
    path = os.path.join(OUT, "influence-golden-%s.tsv" % name)
    with open(path, "w") as f:
        f.write("person\tinfluence\tbrokerage\n")
        for k in order:
            f.write("%s\t%.12f\t%.12f\n" % (k, pr[k], bc[k]))
    print(path, len(order), "people,", g.number_of_edges(), "ties")


def main():
    two = lambda f, t: 2
    krack = people(os.path.join(DATA, "krackhardt", "people.csv"), "m")
    write("krackhardt", graph(krack, links_advice("krackhardt", "m", two)))
    lazega = people(os.path.join(DATA, "lazega", "people.csv"), "l")
    write("lazega", graph(lazega, links_advice("lazega", "l", two)))
    mix = links_advice("lazega", "l", lambda f, t: (f + t) % 3 + 1)
    mix += [("l%d" % f, "l%d" % t, "allies", 1)
            for f, t in rows(os.path.join(DATA, "lazega", "cowork.csv"))
            if f < t]
    mix += [("l%d" % f, "l%d" % t, "rivals", 3)
            for f, t in rows(os.path.join(DATA, "lazega", "friendship.csv"))]
    write("lazega-mix", graph(lazega, mix))


main()
