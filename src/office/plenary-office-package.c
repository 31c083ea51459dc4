/* plenary-office-package.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-office-package"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <gsf/gsf-infile-impl.h>

#include "plenary-office-package.h"

/* libgsf 1.14 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)

G_DEFINE_QUARK (plenary-office-error-quark, plenary_office_error)

struct _PlenaryOfficePackage
{
  GsfInput  *input;
  GsfInfile *zip;
};

struct _PlenaryOfficeWriter
{
  GsfOutput  *sink;
  GsfOutfile *zip;
};

static const guchar ole_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* Nothing in a package is ever fetched from elsewhere: no DTD, no external
 * entity, on any path, whatever the options of the parse. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
office_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      gsf_init ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

gboolean
plenary_office_looks_like_package (const char *data,
                                   gsize       len)
{
  return (len >= 4 && memcmp (data, "PK\003\004", 4) == 0) ||
         (len >= sizeof ole_magic && memcmp (data, ole_magic, sizeof ole_magic) == 0);
}

/* The class function rather than gsf_infile_child_by_name(), which prints
 * a warning on the console for every damaged entry: the user gets our
 * message instead. */
static GsfInput *
child_by_name (GsfInfile  *infile,
               const char *name)
{
  GError *error = NULL;
  GsfInput *child = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (infile))->child_by_name (infile, name, &error);

  g_clear_error (&error);
  return child;
}

static gboolean
ole_has (GsfInfile  *ole,
         const char *name)
{
  g_autoptr(GsfInput) child = child_by_name (ole, name);

  return child != NULL;
}

/* An OLE compound file: Word 97-2003, or an OOXML document encrypted with
 * a password (which Office stores as OLE streams around the package). */
static void
refuse_ole (const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new ((const guint8 *) data, len, FALSE);
  g_autoptr(GsfInfile) ole = gsf_infile_msole_new (input, NULL);

  if (ole != NULL && (ole_has (ole, "EncryptedPackage") || ole_has (ole, "EncryptionInfo")))
    g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_ENCRYPTED,
                 _("This document is protected by a password. Open it in your word processor, "
                   "remove the password and save it again, then import it."));
  else if (ole != NULL && ole_has (ole, "WordDocument"))
    g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_LEGACY,
                 _("This is a Word 97–2003 document (.doc), whatever its name says. "
                   "Save it as a Word document (.docx) or OpenDocument text (.odt), then import it."));
  else
    g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_LEGACY,
                 _("This is an older Microsoft Office file, not a Word (.docx) or OpenDocument (.odt) document."));
}

PlenaryOfficePackage *
plenary_office_package_open (const char  *data,
                             gsize        len,
                             GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GError) local_error = NULL;
  PlenaryOfficePackage *self;
  GsfInfile *zip;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  office_init ();

  if (len >= sizeof ole_magic && memcmp (data, ole_magic, sizeof ole_magic) == 0)
    {
      refuse_ole (data, len, error);
      return NULL;
    }

  input = gsf_input_memory_new ((const guint8 *) data, len, FALSE);
  zip = gsf_infile_zip_new (input, &local_error);
  if (zip == NULL)
    {
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                   _("The document is damaged: it is not a readable ZIP package."));
      return NULL;
    }

  self = g_new0 (PlenaryOfficePackage, 1);
  self->input = g_steal_pointer (&input);
  self->zip = zip;
  return self;
}

void
plenary_office_package_free (PlenaryOfficePackage *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->zip);
  g_clear_object (&self->input);
  g_free (self);
}

/* The member at PATH, walking the folders of the ZIP; NULL when missing. */
static GsfInput *
find_member (PlenaryOfficePackage *self,
             const char           *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *current = g_object_ref (GSF_INPUT (self->zip));

  for (guint i = 0; names[i] != NULL && current != NULL; i++)
    {
      GsfInput *child = NULL;

      if (names[i][0] == '\0')
        continue;
      if (GSF_IS_INFILE (current))
        child = child_by_name (GSF_INFILE (current), names[i]);
      g_object_unref (current);
      current = child;
    }

  if (current != NULL && GSF_IS_INFILE (current) &&
      gsf_infile_num_children (GSF_INFILE (current)) >= 0)
    g_clear_object (&current);

  return current;
}

gboolean
plenary_office_package_has (PlenaryOfficePackage *self,
                            const char           *path)
{
  g_autoptr(GsfInput) member = find_member (self, path);

  return member != NULL;
}

GBytes *
plenary_office_package_read (PlenaryOfficePackage  *self,
                             const char            *path,
                             GError               **error)
{
  g_autoptr(GsfInput) member = find_member (self, path);
  gsf_off_t size;
  guint8 *buffer;

  if (member == NULL)
    {
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                   _("The document is damaged: its part “%s” is missing."), path);
      return NULL;
    }

  /* libgsf inflates no more than the size the ZIP declares, so refusing a
   * large declared size is enough to stop a bomb. */
  size = gsf_input_size (member);
  if (size < 0 || size > PLENARY_OFFICE_MAX_PART_SIZE)
    {
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_TOO_LARGE,
                   _("The document is too large to import: its part “%s” holds more than %d MB."),
                   path, PLENARY_OFFICE_MAX_PART_SIZE / (1024 * 1024));
      return NULL;
    }

  buffer = g_malloc (MAX (size, 1));
  if (size > 0 && gsf_input_read (member, size, buffer) == NULL)
    {
      g_free (buffer);
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                   _("The document is damaged: its part “%s” cannot be read."), path);
      return NULL;
    }

  return g_bytes_new_take (buffer, size);
}

xmlTextReaderPtr
plenary_office_package_xml (PlenaryOfficePackage  *self,
                            const char            *path,
                            gboolean               optional,
                            GBytes               **bytes,
                            GError               **error)
{
  xmlTextReaderPtr reader;
  const char *data;
  gsize len;

  *bytes = NULL;
  if (optional && !plenary_office_package_has (self, path))
    return NULL;
  if ((*bytes = plenary_office_package_read (self, path, error)) == NULL)
    return NULL;

  data = g_bytes_get_data (*bytes, &len);
  /* No XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: entities stay references
   * and libxml2's limits on depth and text size hold. */
  reader = xmlReaderForMemory (data != NULL ? data : "", len, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      g_clear_pointer (bytes, g_bytes_unref);
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                   _("The document is damaged: its part “%s” cannot be read."), path);
    }
  return reader;
}

int
plenary_office_xml_next (xmlTextReaderPtr   reader,
                         const char        *part,
                         GError           **error)
{
  int ret = xmlTextReaderRead (reader);

  if (ret < 0)
    {
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                   _("The document is damaged: its part “%s” is not well-formed XML (line %d)."),
                   part, xmlTextReaderGetParserLineNumber (reader));
      return -1;
    }

  if (ret == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                   _("The document is damaged: its part “%s” declares a document type, "
                     "which word processors never write."), part);
      return -1;
    }

  return ret;
}

gboolean
plenary_office_xml_is (xmlTextReaderPtr  reader,
                       const char       *ns,
                       const char       *local)
{
  const xmlChar *name;
  const xmlChar *uri;

  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
    return FALSE;
  name = xmlTextReaderConstLocalName (reader);
  uri = xmlTextReaderConstNamespaceUri (reader);
  return name != NULL && strcmp ((const char *) name, local) == 0 &&
         g_strcmp0 ((const char *) uri, ns) == 0;
}

char *
plenary_office_xml_attr (xmlTextReaderPtr  reader,
                         const char       *ns,
                         const char       *local)
{
  xmlChar *value = ns != NULL
                   ? xmlTextReaderGetAttributeNs (reader, BAD_CAST local, BAD_CAST ns)
                   : xmlTextReaderGetAttribute (reader, BAD_CAST local);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* Writing ------------------------------------------------------------------ */

PlenaryOfficeWriter *
plenary_office_writer_new (void)
{
  PlenaryOfficeWriter *self = g_new0 (PlenaryOfficeWriter, 1);

  office_init ();
  self->sink = gsf_output_memory_new ();
  self->zip = gsf_outfile_zip_new (self->sink, NULL);
  return self;
}

void
plenary_office_writer_free (PlenaryOfficeWriter *self)
{
  if (self == NULL)
    return;
  if (self->zip != NULL && !gsf_output_is_closed (GSF_OUTPUT (self->zip)))
    gsf_output_close (GSF_OUTPUT (self->zip));
  g_clear_object (&self->zip);
  g_clear_object (&self->sink);
  g_free (self);
}

static gboolean
write_failed (const char  *path,
              GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the part “%s” of the document."), path);
  return FALSE;
}

gboolean
plenary_office_writer_add (PlenaryOfficeWriter  *self,
                           const char           *path,
                           const char           *data,
                           gsize                 len,
                           gboolean              stored,
                           GError              **error)
{
  g_autoptr(GsfOutput) child = NULL;

  g_return_val_if_fail (self->zip != NULL, FALSE);

  child = gsf_outfile_new_child_full (self->zip, path, FALSE,
                                      "compression-level", stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED,
                                      NULL);
  if (child == NULL || !gsf_output_write (child, len, (const guint8 *) data) ||
      !gsf_output_close (child))
    return write_failed (path, error);

  return TRUE;
}

xmlTextWriterPtr
plenary_office_xml_writer_new (xmlBufferPtr *buffer)
{
  xmlTextWriterPtr writer;

  *buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (*buffer, 0);
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", "yes");
  return writer;
}

gboolean
plenary_office_writer_add_xml (PlenaryOfficeWriter  *self,
                               const char           *path,
                               xmlTextWriterPtr      writer,
                               xmlBufferPtr          buffer,
                               GError              **error)
{
  gboolean ok = xmlTextWriterEndDocument (writer) >= 0;

  /* Frees the writer and flushes it into the buffer. */
  xmlFreeTextWriter (writer);
  if (ok)
    ok = plenary_office_writer_add (self, path, (const char *) xmlBufferContent (buffer),
                                    xmlBufferLength (buffer), FALSE, error);
  else
    write_failed (path, error);
  xmlBufferFree (buffer);
  return ok;
}

GBytes *
plenary_office_writer_finish (PlenaryOfficeWriter  *self,
                              GError              **error)
{
  GsfOutputMemory *memory = GSF_OUTPUT_MEMORY (self->sink);

  if (!gsf_output_close (GSF_OUTPUT (self->zip)))
    {
      write_failed ("ZIP", error);
      return NULL;
    }
  gsf_output_close (self->sink);
  return g_bytes_new (gsf_output_memory_get_bytes (memory), gsf_output_size (self->sink));
}
