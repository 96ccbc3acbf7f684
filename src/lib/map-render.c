/*
 * map-render: the Graphviz stack every drawing of kam goes through: a
 * cgraph graph opened with a memory arena and ids that keep the DOT in
 * the order it was built, written as DOT (agwrite) or laid out and
 * rendered in-process by gvc as SVG, PNG or PDF, into a file that is
 * replaced whole or not at all.
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kam/graph.h"
#include "kam/kam.h"

#include "gv.h"

/*
 * Slides are PowerPoint's (13.333 by 7.5 inches for 16:9, 10 by 7.5 for
 * 4:3), pages ISO A4 (210 by 297 mm) and US letter; a PNG at 144 dpi
 * makes a 16:9 slide 1920 by 1080 pixels.
 */
static const struct map_fit fits[] = {
    {"16:9", 40.0 / 3, 7.5, 0.25, 144},
    {"4:3", 10, 7.5, 0.25, 144},
    {"a4", 210 / 25.4, 297 / 25.4, 0.5, 144},
    {"a4-landscape", 297 / 25.4, 210 / 25.4, 0.5, 144},
    {"letter", 8.5, 11, 0.5, 144},
};

const struct map_fit *
map_fit_find(const char *name)
{
	return kam_find(fits, sizeof fits / sizeof fits[0], sizeof fits[0],
	                offsetof(struct map_fit, name), name);
}

/* Without -T, the format follows the -o file's extension, else DOT. */
const char *
map_format_of(const char *file)
{
	static const char *const ext[] = {".svg", ".png", ".pdf", NULL};
	size_t i, n = strlen(file);

	for (i = 0; ext[i] != NULL; i++)
		if (n > 4 && strcasecmp(file + n - 4, ext[i]) == 0)
			return ext[i] + 1;
	return "dot";
}

int
map_format_check(const char *format)
{
	if (map_format_valid(format))
		return KAM_OK;
	return kam_err(KAM_USAGE,
	               _("unknown format '%s' (use dot, svg, png or pdf)"),
	               format);
}

int
map_format_valid(const char *s)
{
	return strcmp(s, "dot") == 0 || strcmp(s, "svg") == 0 ||
	       strcmp(s, "png") == 0 || strcmp(s, "pdf") == 0;
}

/*
 * cgraph's memory comes from an arena released in one piece by map_close:
 * a map is built once and never edited, and for ten thousand people the
 * many small allocations and frees otherwise take a good part of the
 * time (see make bench).  The discipline has no close function, so that
 * agclose still closes every dictionary (their headers are cdt's own).
 */
#define ARENA_CHUNK (1 << 20)
struct arena_block {
	struct arena_block *next;
	size_t left;
	char *free;
};
static struct arena_block *arena; /* of the map being built */

static void *
arena_open(Agdisc_t *disc)
{
	return &arena;
}

static void *
arena_alloc(void *state, size_t req)
{
	struct arena_block *b = arena;
	void *p;

	req = (req + 15) & ~(size_t)15;
	if (b == NULL || b->left < req) {
		size_t size = req > ARENA_CHUNK / 4 ? req : ARENA_CHUNK;
		size_t hdr = (sizeof *b + 15) & ~(size_t)15;

		b = xcalloc(1, hdr + size);
		b->free = (char *)b + hdr;
		b->left = size;
		if (size == req && arena != NULL) {
			/* A big block: keep filling the current one. */
			b->next = arena->next;
			arena->next = b;
		} else {
			b->next = arena;
			arena = b;
		}
	}
	p = b->free;
	b->free += req;
	b->left -= req;
	return p;
}

static void *
arena_resize(void *state, void *ptr, size_t old, size_t req)
{
	void *p = arena_alloc(state, req);

	if (ptr != NULL)
		memcpy(p, ptr, old < req ? old : req);
	return p;
}

static void
arena_free(void *state, void *ptr)
{
}

static void
arena_release(void)
{
	struct arena_block *b, *next;

	for (b = arena; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	arena = NULL;
}

static Agmemdisc_t arena_disc = {arena_open, arena_alloc, arena_resize,
                                 arena_free, NULL};

/*
 * cgraph keeps subgraphs ordered by id, and the default id of a named
 * object is the address of its name: an order that may change from one
 * store to the next.  Graphs and subgraphs get their ids here instead,
 * counted in the order they are made (small even numbers, which no
 * address or anonymous id can be), so that the DOT lists them in that
 * order.  Nodes and edges keep cgraph's ids: they are written in the
 * order they were made anyway.
 */
static struct {
	char **names; /* id 2 * (i + 1); the graph's refstrs */
	size_t n, cap;
	size_t *slot;  /* a hash table of indices + 1 into names; 0: free */
	size_t nslots; /* a power of two, at least twice n */
} gnames;

static int
own_id(IDTYPE id)
{
	return id % 2 == 0 && id >= 2 && id / 2 <= gnames.n;
}

/* FNV-1a: a map of ten thousand people has thousands of subgraphs. */
static size_t
name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static size_t *
find_slot(const char *str)
{
	size_t i = name_hash(str) & (gnames.nslots - 1);

	while (gnames.slot[i] != 0 &&
	       strcmp(gnames.names[gnames.slot[i] - 1], str) != 0)
		i = (i + 1) & (gnames.nslots - 1);
	return &gnames.slot[i];
}

static void
rehash(void)
{
	size_t i;

	free(gnames.slot);
	gnames.nslots = gnames.nslots ? 2 * gnames.nslots : 64;
	gnames.slot = xcalloc(gnames.nslots, sizeof *gnames.slot);
	for (i = 0; i < gnames.n; i++)
		*find_slot(gnames.names[i]) = i + 1;
}

static long
gid_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	size_t *slot;

	if (objtype != AGRAPH || str == NULL)
		return AgIdDisc.map(state, objtype, str, id, createflag);
	if (gnames.nslots == 0)
		rehash();
	slot = find_slot(str);
	if (*slot != 0) {
		*id = 2 * (IDTYPE)*slot;
		return 1;
	}
	if (!createflag)
		return 0;
	gnames.names =
	    xgrow(gnames.names, gnames.n, &gnames.cap, sizeof *gnames.names);
	/* Like cgraph's own: agwrite expects its names to be refstrs. */
	gnames.names[gnames.n++] = agstrdup(state, str);
	*slot = gnames.n;
	if (2 * gnames.n > gnames.nslots)
		rehash();
	*id = 2 * (IDTYPE)gnames.n;
	return 1;
}

static long
gid_alloc(void *state, int objtype, IDTYPE id)
{
	if (objtype == AGRAPH && own_id(id))
		return 1;
	return AgIdDisc.alloc(state, objtype, id);
}

static void
gid_free(void *state, int objtype, IDTYPE id)
{
	if (objtype != AGRAPH || !own_id(id))
		AgIdDisc.free(state, objtype, id);
}

static char *
gid_print(void *state, int objtype, IDTYPE id)
{
	if (objtype == AGRAPH && own_id(id))
		return gnames.names[id / 2 - 1];
	return AgIdDisc.print(state, objtype, id);
}

/* The names themselves go with the graph's strings, in agclose. */
static void
gnames_clear(void)
{
	free(gnames.names);
	free(gnames.slot);
	memset(&gnames, 0, sizeof gnames);
}

void
map_label_nodes(Agraph_t *g, const char *font, const char *fontsize)
{
	agattr(g, AGNODE, "shape", "plaintext");
	agattr(g, AGNODE, "margin", "0");
	agattr(g, AGNODE, "fontname", (char *)font);
	agattr(g, AGNODE, "fontsize", (char *)fontsize);
	agattr(g, AGNODE, "label", "\\N");
}

void
map_set_html(void *obj, const char *attr, const char *html)
{
	Agraph_t *g = agroot(obj);
	char *s = agstrdup_html(g, (char *)html);

	agset(obj, (char *)attr, s);
	agstrfree(g, s);
}

int
map_ready(void)
{
	const char *why;

	if (!gv_load(&why))
		return kam_err(KAM_RENDER, _("cannot draw: %s"), why);
	return KAM_OK;
}

Agraph_t *
map_open(const char *name)
{
	static Agiddisc_t iddisc;
	static Agdisc_t disc;
	char *copy;
	Agraph_t *g;

	/* A caller that draws asks map_ready first, which says why it cannot;
	 * where it did not, Graphviz loads here or the command stops. */
	if (map_ready() != KAM_OK)
		exit(KAM_RENDER);
	copy = xstrdup(name);
	/* One graph at a time: the names and memory of the last one are
	 * forgotten. */
	gnames_clear();
	arena_release();
	iddisc = AgIdDisc;
	iddisc.map = gid_map;
	iddisc.alloc = gid_alloc;
	iddisc.free = gid_free;
	iddisc.print = gid_print;
	disc.mem = &arena_disc;
	disc.id = &iddisc;
	disc.io = &AgIoDisc;
	g = agopen(copy, Agdirected, &disc);
	free(copy);
	return g;
}

void
map_close(Agraph_t *g)
{
	agclose(g);
	gnames_clear();
	arena_release();
}

/* --- Output --- */

/*
 * Centres the laid-out drawing on the page of fit: the scale that fits
 * it within the margins, and the padding (in the drawing's units, which
 * Graphviz scales with it) that makes the whole exactly the page.  The
 * box is the layout's own (GD_bb, from gvc's public types.h): the bb
 * attribute is rounded to whole points, which a drawing scaled up
 * turns into a pixel too few.
 */
static void
centre(Agraph_t *g, const struct map_fit *fit)
{
	double pw, ph, w, h, z, zw, zh;
	char pad[64];
	const char *size = agget(g, "size");

	/* The page as the DOT gives it, so that Graphviz and this agree. */
	if (size == NULL || sscanf(size, "%lf,%lf", &pw, &ph) != 2)
		return;
	w = GD_bb(g).UR.x - GD_bb(g).LL.x;
	h = GD_bb(g).UR.y - GD_bb(g).LL.y;
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	zw = 72 * (pw - 2 * fit->margin) / w;
	zh = 72 * (ph - 2 * fit->margin) / h;
	z = zw < zh ? zw : zh;
	snprintf(pad, sizeof pad, "%.9f,%.9f", (72 * pw / z - w) / 2 / 72,
	         (72 * ph / z - h) / 2 / 72);
	agsafeset(g, "pad", pad, "");
	/* The PDF device would add a margin of its own. */
	agsafeset(g, "margin", "0", "");
}

/*
 * The edges drawn over the chart (MAP_OVERLAY), taken out of the graph
 * while it is laid out: their ends and every attribute of theirs.
 */
struct overlay {
	Agnode_t **tail, **head;
	Agsym_t **syms; /* the edge attributes declared before the layout */
	char **values;  /* nattr per edge, in the order of syms */
	size_t n, nattr;
};

static void
overlay_take(Agraph_t *g, struct overlay *ov)
{
	Agnode_t *n;
	Agedge_t *e, *next;
	Agsym_t *sym;
	size_t i, k;

	memset(ov, 0, sizeof *ov);
	for (sym = agnxtattr(g, AGEDGE, NULL); sym != NULL;
	     sym = agnxtattr(g, AGEDGE, sym)) {
		ov->syms =
		    xreallocarray(ov->syms, ov->nattr + 1, sizeof *ov->syms);
		ov->syms[ov->nattr++] = sym;
	}
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e != NULL; e = next) {
			next = agnxtout(g, e);
			if (aggetrec(e, MAP_OVERLAY, 0) == NULL)
				continue;
			ov->tail = xreallocarray(ov->tail, ov->n + 1,
			                         sizeof *ov->tail);
			ov->head = xreallocarray(ov->head, ov->n + 1,
			                         sizeof *ov->head);
			ov->values = xreallocarray(ov->values,
			                           (ov->n + 1) * ov->nattr + 1,
			                           sizeof *ov->values);
			ov->tail[ov->n] = agtail(e);
			ov->head[ov->n] = aghead(e);
			k = ov->n * ov->nattr;
			for (i = 0; i < ov->nattr; i++)
				ov->values[k + i] =
				    xstrdup(agxget(e, ov->syms[i]));
			ov->n++;
			agdeledge(g, e);
		}
	if (ov->n == 0) {
		free(ov->syms);
		ov->syms = NULL;
	}
}

/* Puts the edges back, with their attributes, and forgets them. */
static void
overlay_put(Agraph_t *g, struct overlay *ov)
{
	Agedge_t *e;
	size_t i, j, k;

	for (i = 0; i < ov->n; i++) {
		e = agedge(g, ov->tail[i], ov->head[i], NULL, 1);
		k = i * ov->nattr;
		for (j = 0; j < ov->nattr; j++) {
			agxset(e, ov->syms[j], ov->values[k + j]);
			free(ov->values[k + j]);
		}
	}
	free(ov->syms);
	free(ov->tail);
	free(ov->head);
	free(ov->values);
	memset(ov, 0, sizeof *ov);
}

/*
 * Lays g out with engine.  With edges to draw over the chart, the chart
 * is laid out first without them (dot), every node and line is fixed
 * where it stands (attach_attrs writes their pos), and the overlaid
 * edges are then drawn by neato's no-layout mode (nop2, like neato -n2),
 * which moves nothing: informal links never bend an organisation chart,
 * however many there are.  They are routed around the boxes on a chart
 * of up to OVERLAY_ROUTE_MAX nodes (people and the points of stacks);
 * the router's time grows much faster than the chart (two seconds for
 * the 71 lawyers of examples/lawfirm, six for 43 people hung from 165
 * points), so a larger chart has them as arcs from box to box.
 */
#define OVERLAY_ROUTE_MAX 200
static int
lay_out(GVC_t *gvc, Agraph_t *g, const char *engine)
{
	struct overlay ov;

	overlay_take(g, &ov);
	if (ov.n == 0)
		return gvLayout(gvc, g, engine);
	if (lay_out(gvc, g, engine) != 0) {
		overlay_put(g, &ov);
		return -1;
	}
	attach_attrs(g);
	gvFreeLayout(gvc, g);
	overlay_put(g, &ov);
	agsafeset(g, "splines",
	          agnnodes(g) > OVERLAY_ROUTE_MAX ? "curved" : "true", "");
	if (gvLayout(gvc, g, "nop2") == 0)
		return 0;
	/* Without the neato plugin, one layout of everything, as dot(1)
	 * draws the DOT (whose splines are true by default; empty, they
	 * would be none). */
	agsafeset(g, "splines", "true", "");
	return gvLayout(gvc, g, engine);
}

static int
render(Agraph_t *g, const char *format, const struct map_fit *fit, char **data,
       unsigned int *len)
{
	static const struct {
		const char *name, *device;
	} devices[] = {
	    {"svg", "svg"},
	    {"png", "png:cairo"},
	    {"pdf", "pdf:cairo"},
	};
	const char *device = format, *engine = agget(g, "layout");
	GVC_t *gvc;
	agerrlevel_t old;
	size_t i;
	int rc = KAM_OK;

	for (i = 0; i < sizeof devices / sizeof devices[0]; i++)
		if (strcmp(devices[i].name, format) == 0)
			device = devices[i].device;
	if (engine == NULL || *engine == '\0')
		engine = "dot";
	/* Graphviz's own messages are kept back; ours say what failed. */
	old = agseterr(AGMAX);
	gvc = gvContext();
	if (fit != NULL && strcmp(format, "png") == 0) {
		char dpi[16];

		snprintf(dpi, sizeof dpi, "%d", fit->dpi);
		agsafeset(g, "dpi", dpi, "");
	}
	if (lay_out(gvc, g, engine) != 0) {
		rc = kam_err(KAM_RENDER,
		             _("cannot lay out the map: the Graphviz '%s' "
		               "layout plugin is missing (check the Graphviz "
		               "installation)"),
		             engine);
	} else {
		if (fit != NULL)
			centre(g, fit);
		if (gvRenderData(gvc, g, device, data, len) != 0 ||
		    *data == NULL)
			rc = kam_err(KAM_RENDER,
			             _("cannot render '%s': Graphviz has no "
			               "plugin for it (install the Graphviz "
			               "cairo plugins)"),
			             format);
		gvFreeLayout(gvc, g);
	}
	gvFreeContext(gvc);
	agseterr(old);
	return rc;
}

static int
put(Agraph_t *g, const char *format, const char *data, unsigned int len,
    FILE *fp)
{
	if (strcmp(format, "dot") == 0)
		agwrite(g, fp);
	else
		fwrite(data, 1, len, fp);
	return ferror(fp) ? -1 : 0;
}

/* Writes to fp and closes it; returns 0 or an errno value. */
static int
put_close(Agraph_t *g, const char *format, const char *data, unsigned int len,
          FILE *fp, int sync)
{
	int err = 0;

	if (put(g, format, data, len, fp) != 0)
		err = errno ? errno : EIO;
	if (fflush(fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	if (sync && fsync(fileno(fp)) != 0 && err == 0 && errno != EINVAL)
		err = errno;
	if (fclose(fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	return err;
}

/*
 * The path a symbolic link chain ends at (file itself when it is not a
 * link), so that an output file given as a link is written where the
 * link points and the link stays.  A relative target is relative to the
 * link's folder.  NULL with *err set when a link cannot be read or the
 * chain is longer than the kernel would follow (ELOOP).
 */
static char *
follow_links(const char *file, int *err)
{
	char *cur = xstrdup(file), *target, *slash, *joined;
	struct stat sb;
	size_t cap;
	ssize_t n;
	int hops;

	for (hops = 0; hops < 40; hops++) {
		if (lstat(cur, &sb) != 0 || !S_ISLNK(sb.st_mode))
			return cur;
		for (cap = 256;; cap *= 2) {
			target = xmalloc(cap);
			if ((n = readlink(cur, target, cap)) < 0) {
				*err = errno;
				free(target);
				free(cur);
				return NULL;
			}
			if ((size_t)n < cap)
				break;
			free(target);
		}
		target[n] = '\0';
		if (target[0] != '/' && (slash = strrchr(cur, '/')) != NULL) {
			xasprintf(&joined, "%.*s/%s", (int)(slash - cur), cur,
			          target);
			free(target);
			target = joined;
		}
		free(cur);
		cur = target;
	}
	free(cur);
	*err = ELOOP;
	return NULL;
}

int
map_write(Agraph_t *g, const char *format, const char *file,
          const struct map_fit *fit)
{
	char *data = NULL, *tmp = NULL, *dest = NULL;
	unsigned int len = 0;
	struct stat sb;
	mode_t mode;
	FILE *fp;
	int rc = KAM_OK, fd, err = 0;

	if (strcmp(format, "dot") != 0 &&
	    (rc = render(g, format, fit, &data, &len)) != KAM_OK)
		return rc;
	if (file == NULL) {
		put(g, format, data, len, stdout);
		if (data != NULL)
			gvFreeRenderData(data);
		return KAM_OK; /* cli_main checks stdout */
	}
	if (stat(file, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* A device or a pipe (/dev/null, a FIFO) is written to as
		 * it is: it cannot be replaced. */
		if ((fp = fopen(file, "w")) == NULL)
			err = errno;
		else
			err = put_close(g, format, data, len, fp, 0);
		goto out;
	}
	if ((dest = follow_links(file, &err)) == NULL)
		goto out;
	/* An existing file keeps its permissions; a new one gets what the
	 * umask allows, as with a shell redirection. */
	if (stat(dest, &sb) == 0)
		mode = sb.st_mode & 07777;
	else {
		mode = umask(0);
		umask(mode);
		mode = 0666 & ~mode;
	}
	/* A temporary file in the same folder, renamed over the file when
	 * complete: never a half-written map. */
	xasprintf(&tmp, "%s.XXXXXX", dest);
	if ((fd = mkstemp(tmp)) == -1) {
		err = errno;
		goto out;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		err = errno;
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (fchmod(fd, mode) != 0) {
		err = errno;
		fclose(fp);
		unlink(tmp);
		goto out;
	}
	err = put_close(g, format, data, len, fp, 1);
	if (err == 0 && rename(tmp, dest) != 0)
		err = errno;
	if (err != 0)
		unlink(tmp);
out:
	if (err != 0)
		rc = kam_err(KAM_IO, _("cannot write '%s': %s"), file,
		             strerror(err));
	free(tmp);
	free(dest);
	if (data != NULL)
		gvFreeRenderData(data);
	return rc;
}
