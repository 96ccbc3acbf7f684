/*
 * Calibration: learning from outcomes.  For the closed deals (won, lost,
 * abandoned), what kam said some days before the close against what
 * happened: the hit rate of each verdict, the Brier score of the win
 * likelihood, the criteria answered yes on lost deals, and how early the
 * verdict turned (kam-gate(1), CALIBRATION).  The store's query
 * (store-calibrate.c), the pure rule (calibrate.c) and the writers
 * (calibrate-out.c).  May be included by kam-gate and by those files.
 */
#ifndef KAM_CALIBRATE_H
#define KAM_CALIBRATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct store;
struct out;
struct out_col;

/* The default of --days-before. */
#define CALIBRATE_DAYS 30

/* A stored run of a closed deal, as calibration reads it. */
struct calib_run {
	int64_t number;
	char day[11];  /* the UTC day it was first recorded */
	char *verdict; /* pursue, pursue-limited, qualify, drop */
	int has_p;     /* the snapshot has a win likelihood */
	double p;
	char **yes; /* the keys of the criteria answered yes */
	int *yes_gate;
	size_t nyes;
};
/* A closed deal with its runs, in the order they were recorded. */
struct calib_deal {
	char *deal, *name; /* ACCOUNT/HANDLE, display name */
	char *status;      /* won, lost, abandoned */
	char closed[11];
	struct calib_run *runs;
	size_t nruns;
};
/* Every closed deal with a close date, by deal. */
int store_calibrate_load(struct store *, struct calib_deal **, size_t *);
void calib_deals_free(struct calib_deal *, size_t);

/* One verdict's record. */
struct calib_verdict {
	const char *verdict;
	long deals, won, lost, abandoned;
	long hits;   /* pursue, pursue-limited: won; drop: not won */
	int has_hit; /* qualify: no hit is defined */
};
/* A criterion answered yes on lost deals. */
struct calib_crit {
	char *key;
	int gate;
	long lost_yes; /* lost deals with it yes */
	long won_yes;  /* won deals with it yes */
};
/* A deal as calibration judged it. */
struct calib_row {
	const struct calib_deal *d;
	const struct calib_run *run;  /* the run used; NULL: none old enough */
	int hit;                      /* -1: none defined */
	const struct calib_run *last; /* the last run on or before the close */
	const struct calib_run *turn; /* the first run of its final verdict */
	long turned_days;             /* the close minus turn's day */
};
struct calibration {
	long days_before;
	long closed, won, lost, abandoned;
	long used;     /* deals with a run old enough */
	long excluded; /* without one */
	struct calib_verdict verdicts[4];
	long brier_n, brier_won; /* won or lost, with a likelihood */
	long no_likelihood;      /* used, won or lost, without one */
	double brier;            /* mean squared error; 0 when brier_n 0 */
	double base_rate;        /* brier_won / brier_n */
	double brier_base;       /* the Brier of always saying base_rate */
	struct calib_crit *crit; /* most often yes on lost deals first */
	size_t ncrit, crit_cap;
	struct calib_row *rows; /* one per closed deal, by deal */
	size_t nrows;
	long turned_median; /* of the deals with a turn; -1 none */
};
/*
 * The rule: for each deal the last run recorded on or before its close
 * minus days_before (a run recorded exactly that day counts), the hits,
 * the Brier score over won and lost deals (abandoned ones are left out),
 * the criteria yes on lost deals, and the turn of the verdict among the
 * runs recorded on or before the close.  deals stay owned by the caller.
 */
void calibrate(const struct calib_deal *, size_t, long days_before,
               struct calibration *);
void calibration_free(struct calibration *);

/* Writers: the rows, in an out opened on the column table
 * calibrate_cols (out_open_cols). */
extern const struct out_col *const calibrate_cols;
void calibrate_write_rows(struct out *, const struct calibration *);
void calibrate_write_text(FILE *, const struct calibration *, int md);
void calibrate_write_json(FILE *, const struct calibration *);

#endif
