/* kam-stance: to come. */
#include <config.h>

#include "kam/cli.h"
#include "kam/kam.h"

static int
cmd_todo(struct kam_ctx *ctx, int argc, char **argv)
{
	return kam_err(KAM_USAGE, "not built yet");
}

static const struct kam_verb verbs[] = {
    {"todo", "todo", "not built yet", cmd_todo},
    {NULL, NULL, NULL, NULL},
};

static const struct kam_cmd cmd = {"kam-stance", "not built yet", verbs, NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
