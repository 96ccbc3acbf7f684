/* gate: to come. */
#include <config.h>

#include "kam/kam.h"
