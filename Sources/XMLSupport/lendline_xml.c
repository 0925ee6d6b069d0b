#include "lendline_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlversion.h>

int lendline_libxml2_version(void) {
    return LIBXML_VERSION;
}
