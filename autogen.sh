#!/bin/sh
# Regenerates the build system from configure.ac and Makefile.am.
set -e
cd "$(dirname "$0")"
# The macros autopoint and libtoolize copy (configure.ac: m4), not kept
# in the repository.
mkdir -p m4
autoreconf -fi
