#ifndef LENDLINE_XML_H
#define LENDLINE_XML_H

/// libxml2's version as an integer, e.g. 20914 for 2.9.14.
///
/// This header deliberately includes no libxml2 header: on Debian, libxml2 is built with ICU and its
/// headers pull in ICU's `unicode/utypes.h`, whose `UErrorCode` clashes with Foundation's bundled
/// ICU when both are imported into one Swift module. Swift code reaches libxml2 only through the
/// functions declared here, which are compiled as plain C.
int lendline_libxml2_version(void);

#endif
