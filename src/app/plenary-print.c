/* plenary-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-print"

#include "config.h"


#include <cairo-pdf.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-page-layout.h"
#include "plenary-print.h"

struct _PlenaryPrintOperation
{
  GtkPrintOperation  parent_instance;

  PlenaryDocument   *document;
  PlenaryPageLayout *layout;
  GtkCheckButton    *line_numbers;
  GtkCheckButton    *numbered_headings;
  GtkCheckButton    *sources_list;
  gboolean           with_line_numbers;
  gboolean           with_numbered_headings;
  gboolean           with_sources_list;
};

G_DEFINE_FINAL_TYPE (PlenaryPrintOperation, plenary_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
plenary_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  PlenaryPrintOperation *print = PLENARY_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  PlenaryLayoutOptions options;

  plenary_document_sync_draft (print->document);

  /* Lay out on the paper the user picked in the dialog, whatever it is. */
  plenary_layout_options_init (&options);
  options.paper = PLENARY_PAPER_CUSTOM;
  options.width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  options.height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  options.line_numbers = print->with_line_numbers;
  options.numbered_headings = print->with_numbered_headings;
  options.sources_list = print->with_sources_list;

  g_clear_object (&print->layout);
  print->layout = plenary_page_layout_new (plenary_document_get_draft (print->document), &options);
}

static gboolean
plenary_print_operation_paginate (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  PlenaryPrintOperation *print = PLENARY_PRINT_OPERATION (operation);

  if (!plenary_page_layout_paginate_step (print->layout))
    return FALSE;

  gtk_print_operation_set_n_pages (operation, plenary_page_layout_get_n_pages (print->layout));
  return TRUE;
}

static void
plenary_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page)
{
  PlenaryPrintOperation *print = PLENARY_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  cairo_surface_t *target = cairo_get_target (cr);

  /* Exported PDFs carry the title, author and subject, as --convert does. */
  if (page == 0 && cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_TITLE,
                                      plenary_page_layout_get_title (print->layout));
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_AUTHOR,
                                      plenary_page_layout_get_author (print->layout));
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_SUBJECT,
                                      plenary_page_layout_get_subject (print->layout));
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_CREATOR, "Plenary " PACKAGE_VERSION);
    }

  plenary_page_layout_draw_page (print->layout, cr, page);
}

/* Print preview --------------------------------------------------------- */

/* Pixels per point of the preview's pages: an A4 page some 740 px wide. */
#define PREVIEW_SCALE 1.25

static GdkTexture *
render_page (PlenaryPageLayout *layout,
             guint              page)
{
  double width, height;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr;

  plenary_page_layout_get_page_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * PREVIEW_SCALE),
                                        (int) (height * PREVIEW_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
  plenary_page_layout_draw_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

static void
end_preview (gpointer data)
{
  g_autoptr(GtkPrintOperationPreview) operation_preview = data;

  gtk_print_operation_preview_end_preview (operation_preview);
}

/* GTK shows a preview by handing a PDF to an external previewer, and does
 * nothing at all when none is installed (as in the Flatpak sandbox): the
 * pages are shown here instead, laid out as they print. */
static gboolean
plenary_print_operation_preview (GtkPrintOperation        *operation,
                                 GtkPrintOperationPreview *operation_preview,
                                 GtkPrintContext          *context,
                                 GtkWindow                *parent)
{
  PlenaryPrintOperation *print = PLENARY_PRINT_OPERATION (operation);
  GtkWidget *window, *box, *header, *scrolled, *pages;
  cairo_surface_t *unused;
  cairo_t *cr;
  guint n_pages;

  /* GTK insists on a cairo context to draw on, which the pages below do
   * not need. */
  unused = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (unused);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (unused);

  plenary_print_operation_begin_print (operation, context);
  plenary_page_layout_paginate (print->layout);
  n_pages = plenary_page_layout_get_n_pages (print->layout);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 900);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Print Preview"),
                                                         plenary_document_get_title (print->document)));
  gtk_box_append (GTK_BOX (box), header);

  pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (pages, 18);
  gtk_widget_set_margin_bottom (pages, 18);
  gtk_widget_set_halign (pages, GTK_ALIGN_CENTER);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GdkTexture) texture = render_page (print->layout, i);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      /* Translators: %u is a page number, %u the number of pages. */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (pages), picture);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), pages);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  /* Once GTK is done with this emission: the preview ends its run. */
  g_idle_add_once (end_preview, g_object_ref (operation_preview));
  return TRUE;
}

static GtkWidget *
plenary_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  PlenaryPrintOperation *print = PLENARY_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Number the _lines in the margin"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), print->with_line_numbers);
  gtk_box_append (GTK_BOX (box), check);
  print->line_numbers = GTK_CHECK_BUTTON (check);

  if (plenary_draft_get_kind (plenary_document_get_draft (print->document)) == PLENARY_DRAFT_KIND_BRIEF)
    {
      check = gtk_check_button_new_with_mnemonic (_("Number the _headings"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), print->with_numbered_headings);
      gtk_box_append (GTK_BOX (box), check);
      print->numbered_headings = GTK_CHECK_BUTTON (check);

      check = gtk_check_button_new_with_mnemonic (_("End with the list of _sources"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), print->with_sources_list);
      gtk_box_append (GTK_BOX (box), check);
      print->sources_list = GTK_CHECK_BUTTON (check);
    }

  return box;
}

static void
plenary_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                             GtkWidget         *widget)
{
  PlenaryPrintOperation *print = PLENARY_PRINT_OPERATION (operation);

  print->with_line_numbers = gtk_check_button_get_active (print->line_numbers);
  if (print->numbered_headings != NULL)
    print->with_numbered_headings = gtk_check_button_get_active (print->numbered_headings);
  if (print->sources_list != NULL)
    print->with_sources_list = gtk_check_button_get_active (print->sources_list);
}

static void
plenary_print_operation_dispose (GObject *object)
{
  PlenaryPrintOperation *self = PLENARY_PRINT_OPERATION (object);

  g_clear_object (&self->document);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (plenary_print_operation_parent_class)->dispose (object);
}

static void
plenary_print_operation_class_init (PlenaryPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = plenary_print_operation_dispose;
  operation_class->begin_print = plenary_print_operation_begin_print;
  operation_class->paginate = plenary_print_operation_paginate;
  operation_class->draw_page = plenary_print_operation_draw_page;
  operation_class->preview = plenary_print_operation_preview;
  operation_class->create_custom_widget = plenary_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = plenary_print_operation_custom_widget_apply;
}

static void
plenary_print_operation_init (PlenaryPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The layout has its own margins and works in points from the paper corner. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Draft"));
}

GtkPrintOperation *
plenary_print_operation_new (PlenaryDocument *document)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  PlenaryPrintOperation *self;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);

  paper = gtk_paper_size_new (g_settings_get_enum (settings, "paper-size") == 1
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);

  self = g_object_new (PLENARY_TYPE_PRINT_OPERATION,
                       "default-page-setup", setup,
                       "job-name", plenary_document_get_title (document),
                       NULL);
  self->document = g_object_ref (document);
  self->with_line_numbers = g_settings_get_boolean (settings, "line-numbers");
  self->with_numbered_headings = g_settings_get_boolean (settings, "numbered-headings");
  self->with_sources_list = g_settings_get_boolean (settings, "sources-list");

  return GTK_PRINT_OPERATION (self);
}
