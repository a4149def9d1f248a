#ifndef NEWSREADER_CLIBYAML_SHIM_H
#define NEWSREADER_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
