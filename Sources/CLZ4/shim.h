// LZ4 block compression, for the load index's string table (liblz4-dev).
#include <lz4.h>
