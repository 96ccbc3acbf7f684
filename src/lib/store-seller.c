/*
 * Our side of the relationship in the store: sellers, and the contacts
 * each has in the clients' organisations, dated and never overwritten
 * (the latest record of a seller and a person on a day is in force).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/seller.h"
#include "kam/store.h"

#include "store-int.h"

/* The contact in force of its seller and person on the day d (an SQL
 * parameter). */
#define IN_FORCE(d)                                                            \
	"c.id = (SELECT x.id FROM contact x WHERE x.seller_id = c.seller_id "  \
	"AND x.person_id = c.person_id AND x.effective <= " d " "              \
	"ORDER BY x.effective DESC, x.id DESC LIMIT 1)"

int
store_seller_add(struct store *st, const char *handle, const char *name)
{
	static const char qfind[] = "SELECT 1 FROM seller WHERE handle = ?";
	static const char q[] =
	    "INSERT INTO seller (handle, name, created) VALUES (?, ?, ?)";
	char today[KAM_DATE_LEN];
	int64_t one;

	if (store_get_int64(st, store_stmt(st, qfind),
	                    STORE_ARGS(STORE_HANDLE(handle)), &one))
		return kam_err(KAM_CONFLICT, _("seller '%s' already exists"),
		               handle);
	kam_today(today);
	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(STORE_HANDLE(handle), STORE_TEXT(name),
	                            STORE_TEXT(today)),
	                 "cannot add seller");
}

#define F(f, k) STORE_FIELD(struct seller, f, k)
STORE_ROWS(seller_rows, struct seller, F(handle, TEXT), F(name, TEXT),
           F(created, TEXT), F(contacts, LONG));
#undef F

int
store_sellers(struct store *st, const char *today,
              int (*fn)(const struct seller *, void *), void *arg)
{
	static const char q[] =
	    "SELECT s.handle, s.name, s.created, (SELECT count(*) FROM "
	    "contact c WHERE c.seller_id = s.id AND " IN_FORCE(
	        "?1") ") "
	              "FROM seller s ORDER BY s.handle";

	return store_each_read(st, store_stmt(st, q),
	                       STORE_ARGS(STORE_TEXT(today)), &seller_rows,
	                       (store_fn)fn, arg, "the sellers");
}

int
store_contact_add(struct store *st, int64_t sid, int64_t pid, long strength,
                  const char *on)
{
	static const char q[] =
	    "INSERT INTO contact (seller_id, person_id, strength, effective, "
	    "recorded, actor) VALUES (?, ?, ?, ?, ?, ?)";

	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(STORE_INT(sid), STORE_INT(pid),
	                            STORE_INT(strength), STORE_TEXT(on),
	                            STORE_STAMP),
	                 "cannot record the contact");
}

#define F(f, k) STORE_FIELD(struct contact_row, f, k)
STORE_ROWS(contact_rows, struct contact_row, F(seller, TEXT),
           F(seller_name, TEXT), F(person, TEXT), F(person_name, TEXT),
           F(strength, LONG), F(on, TEXT), F(recorded, TEXT), F(actor, TEXT));
#undef F

int
store_contacts(struct store *st, int64_t account, const char *as_of,
               int (*fn)(const struct contact_row *, void *), void *arg)
{
	static const char q[] =
	    "SELECT s.handle, s.name, ac.handle || '/' || p.handle, p.name, "
	    "c.strength, c.effective, c.recorded, c.actor FROM contact c "
	    "JOIN seller s ON s.id = c.seller_id "
	    "JOIN person p ON p.id = c.person_id "
	    "JOIN account ac ON ac.id = p.account_id "
	    "WHERE (?1 = 0 OR p.account_id = ?1) AND " IN_FORCE(
	        "?2") " ORDER BY ac.handle, p.handle, c.strength DESC, "
	              "s.handle";

	return store_each_read(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(account), STORE_TEXT(as_of)), &contact_rows,
	    (store_fn)fn, arg, "the contacts");
}

#define F(f, k) STORE_FIELD(struct gate_contact, f, k)
STORE_ROWS(gate_contact_rows, struct gate_contact, F(seller, DUP), F(name, DUP),
           F(strength, INT), F(on, CHARS));
#undef F

int
store_gate_contacts(struct store *st, int64_t person, const char *as_of,
                    struct gate_contact **out, size_t *n)
{
	static const char q[] =
	    "SELECT s.handle, s.name, c.strength, c.effective FROM contact c "
	    "JOIN seller s ON s.id = c.seller_id "
	    "WHERE c.person_id = ?1 AND " IN_FORCE(
	        "?2") " ORDER BY c.strength DESC, c.effective DESC, s.handle";
	struct kam_array a = {0};
	int rc;

	rc = store_read_all(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(person), STORE_TEXT(as_of)),
	                    &gate_contact_rows, &a, "the contacts");
	if (rc != KAM_OK) {
		gate_contacts_free(a.v, a.n);
		a.v = NULL;
		a.n = 0;
	}
	*out = a.v;
	*n = a.n;
	return rc;
}
