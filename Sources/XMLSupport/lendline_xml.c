#include "lendline_xml.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

int lendline_libxml2_version(void) {
    return LIBXML_VERSION;
}

/* Parsing state handed to the SAX callbacks as their user data. */
typedef struct {
    lendline_xml_document *document;
    xmlParserCtxtPtr context;
} parse_state;

/* A copy of `length` bytes of `text` (or of the whole NUL-terminated text when length < 0). */
static char *copy_text(const xmlChar *text, long length) {
    if (text == NULL) return NULL;
    size_t count = length < 0 ? strlen((const char *)text) : (size_t)length;
    char *copy = malloc(count + 1);
    if (copy == NULL) return NULL;
    memcpy(copy, text, count);
    copy[count] = '\0';
    return copy;
}

/* Makes room for one more item in an array of `size`-byte items; 0 when memory ran out. */
static int reserve(void **items, size_t *capacity, size_t count, size_t size) {
    if (count < *capacity) return 1;
    size_t grown = *capacity == 0 ? 16 : *capacity * 2;
    void *moved = realloc(*items, grown * size);
    if (moved == NULL) return 0;
    *items = moved;
    *capacity = grown;
    return 1;
}

/* Marks the document incomplete and stops the parser. */
static void give_up(parse_state *state) {
    state->document->incomplete = 1;
    if (state->context != NULL) xmlStopParser(state->context);
}

static void add_error(parse_state *state, int line, int column, const char *message) {
    lendline_xml_document *d = state->document;
    if (d->error_count >= 1000) return;
    if (!reserve((void **)&d->errors, &d->error_capacity, d->error_count, sizeof(lendline_xml_error))) {
        give_up(state);
        return;
    }
    char *text = copy_text((const xmlChar *)message, -1);
    if (text == NULL) {
        give_up(state);
        return;
    }
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' ')) text[--n] = '\0';
    d->errors[d->error_count++] = (lendline_xml_error){line < 1 ? 1 : line, column < 1 ? 1 : column, text};
}

/* An error at the parser's current position. */
static void add_error_here(parse_state *state, const char *message) {
    int line = state->context != NULL && state->context->input != NULL ? state->context->input->line : 1;
    int column = state->context != NULL && state->context->input != NULL ? state->context->input->col : 1;
    add_error(state, line, column, message);
}

/* A new record of `kind`, zeroed; NULL (and the parser stopped) when memory or the limit ran out. */
static lendline_xml_event *add_event(parse_state *state, lendline_xml_kind kind) {
    lendline_xml_document *d = state->document;
    if (d->event_count >= LENDLINE_XML_MAX_EVENTS) {
        add_error_here(state, "the document has too many elements and text runs");
        give_up(state);
        return NULL;
    }
    if (!reserve((void **)&d->events, &d->event_capacity, d->event_count, sizeof(lendline_xml_event))) {
        give_up(state);
        return NULL;
    }
    lendline_xml_event *event = &d->events[d->event_count++];
    memset(event, 0, sizeof *event);
    event->kind = kind;
    return event;
}

/* Copies an element's names into `event`; 0 when memory ran out. */
static int set_names(lendline_xml_event *event, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    event->local_name = copy_text(local, -1);
    event->prefix = copy_text(prefix, -1);
    event->namespace_uri = copy_text(uri, -1);
    return event->local_name != NULL && (prefix == NULL || event->prefix != NULL)
        && (uri == NULL || event->namespace_uri != NULL);
}

static int add_namespaces(parse_state *state, lendline_xml_event *event, int count, const xmlChar **pairs) {
    lendline_xml_document *d = state->document;
    event->first_namespace = (int)d->namespace_count;
    for (int i = 0; i < count; i++) {
        if (!reserve((void **)&d->namespaces, &d->namespace_capacity, d->namespace_count,
                     sizeof(lendline_xml_namespace))) return 0;
        lendline_xml_namespace *ns = &d->namespaces[d->namespace_count++];
        ns->prefix = copy_text(pairs[2 * i], -1);
        ns->uri = copy_text(pairs[2 * i + 1], -1);
        event->namespace_count++;
        if ((pairs[2 * i] != NULL && ns->prefix == NULL) || (pairs[2 * i + 1] != NULL && ns->uri == NULL)) return 0;
    }
    return 1;
}

/* Without entity substitution (kept off on purpose), libxml2 hands an attribute's `&` over as the
   reference `&#38;`; every `&#38;` in a value stands for `&` (a written `&amp;#38;` arrives as
   `&#38;#38;`), so they are turned back in place, left to right. */
static void unescape_ampersands(char *value) {
    char *out = value;
    for (const char *in = value; *in != '\0';) {
        if (strncmp(in, "&#38;", 5) == 0) {
            *out++ = '&';
            in += 5;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
}

/* Attributes come as five pointers each: local name, prefix, URI, value start, value end. */
static int add_attributes(parse_state *state, lendline_xml_event *event, int count, const xmlChar **fields) {
    lendline_xml_document *d = state->document;
    event->first_attribute = (int)d->attribute_count;
    for (int i = 0; i < count; i++) {
        const xmlChar **f = fields + 5 * i;
        if (!reserve((void **)&d->attributes, &d->attribute_capacity, d->attribute_count,
                     sizeof(lendline_xml_attribute))) return 0;
        lendline_xml_attribute *a = &d->attributes[d->attribute_count++];
        memset(a, 0, sizeof *a);
        event->attribute_count++;
        a->local_name = copy_text(f[0], -1);
        a->prefix = copy_text(f[1], -1);
        a->namespace_uri = copy_text(f[2], -1);
        a->value = copy_text(f[3], (long)(f[4] - f[3]));
        if (a->local_name == NULL || a->value == NULL || (f[1] != NULL && a->prefix == NULL)
            || (f[2] != NULL && a->namespace_uri == NULL)) return 0;
        unescape_ampersands((char *)a->value);
    }
    return 1;
}

static void on_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int namespace_count,
                     const xmlChar **namespaces, int attribute_count, int defaulted, const xmlChar **attributes) {
    (void)defaulted;
    parse_state *state = user;
    lendline_xml_event *event = add_event(state, LENDLINE_XML_START);
    if (event == NULL) return;
    event->offset = xmlByteConsumed(state->context);
    event->line = state->context->input != NULL ? state->context->input->line : 0;
    if (!set_names(event, local, prefix, uri) || !add_namespaces(state, event, namespace_count, namespaces)
        || !add_attributes(state, event, attribute_count, attributes)) give_up(state);
}

static void on_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    parse_state *state = user;
    lendline_xml_event *event = add_event(state, LENDLINE_XML_END);
    if (event != NULL && !set_names(event, local, prefix, uri)) give_up(state);
}

/* Character data; appended to the previous record when that is text too. */
static void on_text(void *user, const xmlChar *text, int length) {
    parse_state *state = user;
    lendline_xml_document *d = state->document;
    if (length <= 0) return;
    if (d->event_count > 0 && d->events[d->event_count - 1].kind == LENDLINE_XML_TEXT) {
        lendline_xml_event *last = &d->events[d->event_count - 1];
        size_t old = strlen(last->text);
        char *grown = realloc((char *)last->text, old + (size_t)length + 1);
        if (grown == NULL) {
            give_up(state);
            return;
        }
        memcpy(grown + old, text, (size_t)length);
        grown[old + (size_t)length] = '\0';
        last->text = grown;
        return;
    }
    lendline_xml_event *event = add_event(state, LENDLINE_XML_TEXT);
    if (event == NULL) return;
    event->text = copy_text(text, length);
    if (event->text == NULL) give_up(state);
}

static void on_instruction(void *user, const xmlChar *target, const xmlChar *data) {
    (void)target;
    (void)data;
    add_error_here(user, "processing instructions are not allowed in a template");
}

/* `<!DOCTYPE html>` is the only document type declaration accepted: no public or system id (nothing
   is fetched) and no internal subset (no entity can be declared). */
static void on_doctype(void *user, const xmlChar *name, const xmlChar *public_id, const xmlChar *system_id) {
    parse_state *state = user;
    const xmlChar *next = state->context->input != NULL ? state->context->input->cur : NULL;
    int subset = next != NULL && *next == '[';
    if (public_id != NULL || system_id != NULL || subset || name == NULL || strcmp((const char *)name, "html") != 0) {
        add_error_here(state, "only `<!DOCTYPE html>` is allowed: no identifiers and no declarations");
        give_up(state);
    }
}

static void on_error(void *user, xmlErrorPtr error) {
    if (error == NULL || error->level < XML_ERR_ERROR) return;
    add_error(user, error->line, error->int2, error->message != NULL ? error->message : "malformed markup");
}

static void free_document_strings(lendline_xml_document *d) {
    for (size_t i = 0; i < d->event_count; i++) {
        free((char *)d->events[i].local_name);
        free((char *)d->events[i].prefix);
        free((char *)d->events[i].namespace_uri);
        free((char *)d->events[i].text);
    }
    for (size_t i = 0; i < d->attribute_count; i++) {
        free((char *)d->attributes[i].local_name);
        free((char *)d->attributes[i].prefix);
        free((char *)d->attributes[i].namespace_uri);
        free((char *)d->attributes[i].value);
    }
    for (size_t i = 0; i < d->namespace_count; i++) {
        free((char *)d->namespaces[i].prefix);
        free((char *)d->namespaces[i].uri);
    }
    for (size_t i = 0; i < d->error_count; i++) free((char *)d->errors[i].message);
}

void lendline_xml_free(lendline_xml_document *document) {
    if (document == NULL) return;
    free_document_strings(document);
    free(document->events);
    free(document->attributes);
    free(document->namespaces);
    free(document->errors);
    free(document);
}

/* libxml2 2.9 initialises its globals on first use without a lock; do it exactly once. */
static pthread_once_t parser_initialised = PTHREAD_ONCE_INIT;

static void initialise_parser(void) {
    xmlInitParser();
}

lendline_xml_document *lendline_xml_parse(const char *bytes, size_t length) {
    lendline_xml_document *document = calloc(1, sizeof *document);
    if (document == NULL) return NULL;
    parse_state state = {document, NULL};
    if (length == 0 || length > INT_MAX) {
        add_error(&state, 1, 1, length == 0 ? "the template is empty" : "the template is too large");
        return document;
    }
    pthread_once(&parser_initialised, initialise_parser);
    xmlParserCtxtPtr context = xmlCreateMemoryParserCtxt(bytes, (int)length);
    if (context == NULL) {
        document->incomplete = 1;
        add_error(&state, 1, 1, "the XML parser could not start (out of memory)");
        return document;
    }
    state.context = context;
    xmlCtxtUseOptions(context, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    /* The context owns a copy of the default handler: replace every callback, keeping the copy. */
    xmlSAXHandlerPtr sax = context->sax;
    memset(sax, 0, sizeof *sax);
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    sax->characters = on_text;
    sax->ignorableWhitespace = on_text;
    sax->cdataBlock = on_text;
    sax->processingInstruction = on_instruction;
    sax->internalSubset = on_doctype;
    sax->serror = on_error;
    context->userData = &state;
    context->replaceEntities = 0;
    context->loadsubset = 0;
    context->validate = 0;
    xmlParseDocument(context);
    if (!context->wellFormed && document->error_count == 0) add_error(&state, 1, 1, "the template is not well-formed");
    xmlFreeParserCtxt(context);
    return document;
}
