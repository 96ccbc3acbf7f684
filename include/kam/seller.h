/*
 * Our side of the relationship: the sellers on our team and whom each
 * knows in a client's organisation (kam-org seller, contact, contacts).
 * The method weighs how close our relationships with the buying group
 * are (METHOD.md, section 2, "can we win?"); this records who carries
 * them.  The queries are in store-seller.c.  May be included by the
 * mains (kam-org) and by store-seller.c.
 */
#ifndef KAM_SELLER_H
#define KAM_SELLER_H

#include <stdint.h>

struct store;

/* The strength of a contact: 1 acquainted, 2 works with, 3 trusted. */
#define SELLER_STRENGTH_MIN 1
#define SELLER_STRENGTH_MAX 3

struct seller {
	const char *handle, *name, *created;
	long contacts; /* people known, in force today */
};
/* Reports a handle already taken (KAM_CONFLICT). */
int store_seller_add(struct store *, const char *handle, const char *name);
/* Every seller, by handle; today is the day contacts are counted on. */
int store_sellers(struct store *, const char *today,
                  int (*fn)(const struct seller *, void *), void *);

/*
 * Records that seller knows person (ids: store_seller_id,
 * store_person_id) with this strength from on.  A newer record of the
 * same two replaces the older from its day; the older stays.
 */
int store_contact_add(struct store *, int64_t seller, int64_t person,
                      long strength, const char *on);

/* A contact in force. */
struct contact_row {
	const char *seller, *seller_name; /* handle, display name */
	const char *person, *person_name; /* ACCOUNT/HANDLE, display name */
	long strength;
	const char *on, *recorded, *actor;
};
/*
 * The contacts in force on as_of with the people of an account (0:
 * every account), by person, then strength (strongest first), then
 * seller handle.
 */
int store_contacts(struct store *, int64_t account, const char *as_of,
                   int (*fn)(const struct contact_row *, void *), void *);

#endif
