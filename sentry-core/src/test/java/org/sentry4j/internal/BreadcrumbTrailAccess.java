package org.sentry4j.internal;

/** Lets tests elsewhere see how much of a trail is held. */
public final class BreadcrumbTrailAccess {
    private BreadcrumbTrailAccess() {
    }

    public static int slack() {
        return BreadcrumbTrail.SLACK;
    }

    /** Links reachable from the trail's head. */
    public static int linksHeld(BreadcrumbTrail trail) {
        BreadcrumbTrail.Link head = trail.snapshot();
        return head == null ? 0 : head.length;
    }
}
