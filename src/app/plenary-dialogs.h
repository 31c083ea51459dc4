/* plenary-dialogs.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Alerts, preferences and About: AdwDialog and its kin where libadwaita has
 * them (1.5), the windows they replace on Debian 12's 1.2. The alert API is
 * the same on both but for its prefix; callers use plenary_alert_*. */
#if ADW_CHECK_VERSION (1, 5, 0)
typedef AdwAlertDialog PlenaryAlert;
# define PLENARY_ALERT(obj)                          ADW_ALERT_DIALOG (obj)
# define PLENARY_IS_ALERT(obj)                       ADW_IS_ALERT_DIALOG (obj)
# define plenary_alert_add_response                  adw_alert_dialog_add_response
# define plenary_alert_add_responses                 adw_alert_dialog_add_responses
# define plenary_alert_format_body                   adw_alert_dialog_format_body
# define plenary_alert_format_heading                adw_alert_dialog_format_heading
# define plenary_alert_set_body                      adw_alert_dialog_set_body
# define plenary_alert_get_body                      adw_alert_dialog_get_body
# define plenary_alert_get_body_use_markup           adw_alert_dialog_get_body_use_markup
# define plenary_alert_get_extra_child               adw_alert_dialog_get_extra_child
# define plenary_alert_get_heading                   adw_alert_dialog_get_heading
# define plenary_alert_get_heading_use_markup        adw_alert_dialog_get_heading_use_markup
# define plenary_alert_get_response_enabled          adw_alert_dialog_get_response_enabled
# define plenary_alert_get_response_label            adw_alert_dialog_get_response_label
# define plenary_alert_has_response                  adw_alert_dialog_has_response
# define plenary_alert_set_body_use_markup           adw_alert_dialog_set_body_use_markup
# define plenary_alert_set_close_response            adw_alert_dialog_set_close_response
# define plenary_alert_set_default_response          adw_alert_dialog_set_default_response
# define plenary_alert_set_extra_child               adw_alert_dialog_set_extra_child
# define plenary_alert_set_heading_use_markup        adw_alert_dialog_set_heading_use_markup
# define plenary_alert_set_response_appearance       adw_alert_dialog_set_response_appearance
# define plenary_alert_set_response_enabled          adw_alert_dialog_set_response_enabled
#else
typedef AdwMessageDialog PlenaryAlert;
# define PLENARY_ALERT(obj)                          ADW_MESSAGE_DIALOG (obj)
# define PLENARY_IS_ALERT(obj)                       ADW_IS_MESSAGE_DIALOG (obj)
# define plenary_alert_add_response                  adw_message_dialog_add_response
# define plenary_alert_add_responses                 adw_message_dialog_add_responses
# define plenary_alert_format_body                   adw_message_dialog_format_body
# define plenary_alert_format_heading                adw_message_dialog_format_heading
# define plenary_alert_set_body                      adw_message_dialog_set_body
# define plenary_alert_get_body                      adw_message_dialog_get_body
# define plenary_alert_get_body_use_markup           adw_message_dialog_get_body_use_markup
# define plenary_alert_get_extra_child               adw_message_dialog_get_extra_child
# define plenary_alert_get_heading                   adw_message_dialog_get_heading
# define plenary_alert_get_heading_use_markup        adw_message_dialog_get_heading_use_markup
# define plenary_alert_get_response_enabled          adw_message_dialog_get_response_enabled
# define plenary_alert_get_response_label            adw_message_dialog_get_response_label
# define plenary_alert_has_response                  adw_message_dialog_has_response
# define plenary_alert_set_body_use_markup           adw_message_dialog_set_body_use_markup
# define plenary_alert_set_close_response            adw_message_dialog_set_close_response
# define plenary_alert_set_default_response          adw_message_dialog_set_default_response
# define plenary_alert_set_extra_child               adw_message_dialog_set_extra_child
# define plenary_alert_set_heading_use_markup        adw_message_dialog_set_heading_use_markup
# define plenary_alert_set_response_appearance       adw_message_dialog_set_response_appearance
# define plenary_alert_set_response_enabled          adw_message_dialog_set_response_enabled
#endif

GtkWidget *plenary_alert_new           (const char *heading,
                                        const char *body);
void       plenary_dialog_present      (GtkWidget  *dialog,
                                        GtkWidget  *parent);
void       plenary_dialog_close        (GtkWidget  *dialog);
void       plenary_show_about          (GtkWidget  *parent);
/* Comments, citations and highlights carry their author's name: when
 * Preferences has none yet, asks for it on WIDGET's window and returns
 * TRUE; once it is given, ACTION_NAME (PARAM) is activated on WIDGET
 * again. FALSE when the name is known. */
gboolean   plenary_ask_author_first    (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param);

G_END_DECLS
