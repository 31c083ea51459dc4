/* plenary-office-package.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

/* A part (one file of the ZIP package) larger than this once inflated is
 * refused: a zip bomb stops here, and a real document is far smaller (a
 * 5,000-paragraph resolution is about 3 MB of document.xml). */
#define PLENARY_OFFICE_MAX_PART_SIZE (64 * 1024 * 1024)

#define PLENARY_OFFICE_ERROR (plenary_office_error_quark ())

typedef enum
{
  PLENARY_OFFICE_ERROR_DAMAGED,      /* not a readable package, or a part is missing or broken */
  PLENARY_OFFICE_ERROR_ENCRYPTED,    /* password-protected */
  PLENARY_OFFICE_ERROR_LEGACY,       /* a Word 97-2003 .doc (or other OLE file) */
  PLENARY_OFFICE_ERROR_TOO_LARGE,    /* a part inflates past PLENARY_OFFICE_MAX_PART_SIZE */
  PLENARY_OFFICE_ERROR_UNSUPPORTED,  /* a ZIP that is neither a Word nor an OpenDocument text */
} PlenaryOfficeError;

GQuark   plenary_office_error_quark (void);

/* The first bytes of a ZIP or of an OLE compound file (.doc, encrypted
 * .docx): data the office readers should see rather than a text importer. */
gboolean plenary_office_looks_like_package (const char *data,
                                            gsize       len);

/* A ZIP package opened for reading (libgsf), from memory. */
typedef struct _PlenaryOfficePackage PlenaryOfficePackage;

/* Opens DATA (not copied: keep it alive). Refuses OLE files with a message
 * that tells an encrypted document from an old .doc. */
PlenaryOfficePackage *plenary_office_package_open  (const char            *data,
                                                    gsize                  len,
                                                    GError               **error);
void                  plenary_office_package_free  (PlenaryOfficePackage  *self);
gboolean              plenary_office_package_has   (PlenaryOfficePackage  *self,
                                                    const char            *path);
/* The inflated bytes of the part at PATH ("word/document.xml"), read in
 * chunks and refused past PLENARY_OFFICE_MAX_PART_SIZE whatever the ZIP
 * header claims. NULL with an error when missing (DAMAGED) or too large. */
GBytes               *plenary_office_package_read  (PlenaryOfficePackage  *self,
                                                    const char            *path,
                                                    GError               **error);
/* A streaming XML reader on the part at PATH: no network, no external
 * entity or DTD loaded, entities never substituted, and a document type
 * declaration (which OOXML and ODF never have) refused by
 * plenary_office_xml_next(). Returns NULL with an error (or, when OPTIONAL
 * and the part is missing, NULL without an error). Free with
 * xmlFreeTextReader(); keep *BYTES until then. */
xmlTextReaderPtr      plenary_office_package_xml   (PlenaryOfficePackage  *self,
                                                    const char            *path,
                                                    gboolean               optional,
                                                    GBytes               **bytes,
                                                    GError               **error);

/* xmlTextReaderRead() with errors turned into a GError naming PART: returns
 * 1 on a node, 0 at the end, -1 with ERROR set. */
int                   plenary_office_xml_next      (xmlTextReaderPtr       reader,
                                                    const char            *part,
                                                    GError               **error);
/* Whether the reader is on an element start named LOCAL in namespace NS. */
gboolean              plenary_office_xml_is        (xmlTextReaderPtr       reader,
                                                    const char            *ns,
                                                    const char            *local);
/* The attribute LOCAL in namespace NS (NULL: no namespace), or NULL. */
char                 *plenary_office_xml_attr      (xmlTextReaderPtr       reader,
                                                    const char            *ns,
                                                    const char            *local);

/* A ZIP package written to memory (libgsf). Parts are written in the order
 * added; STORED parts are not compressed (ODF's mimetype). */
typedef struct _PlenaryOfficeWriter PlenaryOfficeWriter;

PlenaryOfficeWriter  *plenary_office_writer_new    (void);
void                  plenary_office_writer_free   (PlenaryOfficeWriter   *self);
gboolean              plenary_office_writer_add    (PlenaryOfficeWriter   *self,
                                                    const char            *path,
                                                    const char            *data,
                                                    gsize                  len,
                                                    gboolean               stored,
                                                    GError               **error);
/* An XML writer to memory; plenary_office_writer_add_xml() ends the
 * document, adds it as PATH and frees WRITER and BUFFER. */
xmlTextWriterPtr      plenary_office_xml_writer_new (xmlBufferPtr         *buffer);
gboolean              plenary_office_writer_add_xml (PlenaryOfficeWriter   *self,
                                                    const char            *path,
                                                    xmlTextWriterPtr       writer,
                                                    xmlBufferPtr           buffer,
                                                    GError               **error);
/* Closes the ZIP and returns its bytes. */
GBytes               *plenary_office_writer_finish (PlenaryOfficeWriter   *self,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryOfficePackage, plenary_office_package_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryOfficeWriter, plenary_office_writer_free)

G_END_DECLS
