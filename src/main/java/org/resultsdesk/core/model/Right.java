package org.resultsdesk.core.model;

/**
 * The two kinds of rights. Channel rights change one chat (what it follows) and are held by that chat's
 * administrators, or by the person in their own private chat for that chat only. Desk rights act for the whole desk
 * (quote approval, status, the audit) and are held only by the desk's editors.
 */
public enum Right {
    CHANNEL,
    DESK
}
