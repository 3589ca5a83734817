package org.sentry4j.jul;

import java.util.ListResourceBundle;

/** A resource bundle for localized JUL messages. */
public class TestMessages extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"order.failed", "Bestellung {0} fehlgeschlagen: {1}"},
                {"cart.opened", "Warenkorb {0} geoeffnet"},
        };
    }
}
