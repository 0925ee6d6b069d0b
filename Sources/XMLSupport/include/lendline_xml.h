#ifndef LENDLINE_XML_H
#define LENDLINE_XML_H

#include <stddef.h>

/// libxml2's version as an integer, e.g. 20914 for 2.9.14.
///
/// This header deliberately includes no libxml2 header: on Debian, libxml2 is built with ICU and its
/// headers pull in ICU's `unicode/utypes.h`, whose `UErrorCode` clashes with Foundation's bundled
/// ICU when both are imported into one Swift module. Swift code reaches libxml2 only through the
/// functions declared here, which are compiled as plain C.
int lendline_libxml2_version(void);

/// What one record of a parsed document is.
typedef enum {
    /// An element's start tag: names, attributes, namespace declarations and where the tag was read.
    LENDLINE_XML_START = 1,
    /// The matching end tag (also emitted for an empty element `<br/>`).
    LENDLINE_XML_END = 2,
    /// Character data (text, CDATA), with entity and character references already replaced.
    LENDLINE_XML_TEXT = 3
} lendline_xml_kind;

/// An attribute of a start tag (namespace declarations are not attributes: see the namespaces).
typedef struct {
    const char *local_name;
    /// NULL when the attribute has no prefix.
    const char *prefix;
    /// NULL when the attribute is in no namespace.
    const char *namespace_uri;
    /// The normalised value, references replaced.
    const char *value;
} lendline_xml_attribute;

/// A namespace declaration on a start tag: `xmlns="…"` (prefix NULL) or `xmlns:l="…"`.
typedef struct {
    const char *prefix;
    const char *uri;
} lendline_xml_namespace;

/// One record, in document order. Strings are UTF-8, NUL-terminated and owned by the document.
typedef struct {
    lendline_xml_kind kind;
    /// START and END: the element's local name, prefix (or NULL) and namespace URI (or NULL).
    const char *local_name;
    const char *prefix;
    const char *namespace_uri;
    /// TEXT: the text; adjacent character data is merged into one record.
    const char *text;
    /// START: how many bytes of the input were read when the start tag's attributes had been parsed
    /// (the tag's `<` is the last `<` before this offset); the line of that point.
    long offset;
    int line;
    /// START: the attributes are `attributes[first_attribute ..< first_attribute + attribute_count]`,
    /// likewise the namespace declarations.
    int first_attribute;
    int attribute_count;
    int first_namespace;
    int namespace_count;
} lendline_xml_event;

/// A problem libxml2 found (or a construct the strict reader refuses), with its 1-based line and
/// column in characters.
typedef struct {
    int line;
    int column;
    const char *message;
} lendline_xml_error;

/// A parsed document: flat arrays of records, attributes, namespace declarations and errors.
typedef struct {
    lendline_xml_event *events;
    size_t event_count;
    lendline_xml_attribute *attributes;
    size_t attribute_count;
    lendline_xml_namespace *namespaces;
    size_t namespace_count;
    lendline_xml_error *errors;
    size_t error_count;
    /// Non-zero when memory ran out or a limit was reached: the document is incomplete.
    int incomplete;
    /// Internal: capacities of the arrays above.
    size_t event_capacity, attribute_capacity, namespace_capacity, error_capacity;
} lendline_xml_document;

/// Most records one document may produce; beyond it parsing stops with an error.
#define LENDLINE_XML_MAX_EVENTS 200000

/// Parses `length` bytes of UTF-8 XML strictly: no network, no DTD loading, no entity declarations
/// (a DOCTYPE may only be `<!DOCTYPE html>`), no processing instructions; comments are dropped.
/// Well-formedness and namespace errors are collected with their line and column. Returns NULL only
/// when memory runs out before anything is parsed. Free the result with `lendline_xml_free`.
lendline_xml_document *lendline_xml_parse(const char *bytes, size_t length);

/// Frees a document and every string it holds.
void lendline_xml_free(lendline_xml_document *document);

#endif
