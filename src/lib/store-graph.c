/* store-graph: to come. */
#include <config.h>

#include "kam/kam.h"
