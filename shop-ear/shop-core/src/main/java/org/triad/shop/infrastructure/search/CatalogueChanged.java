package org.triad.shop.infrastructure.search;

/** Fired by the services when items, sellers or categories changed; the index follows after the commit. */
public record CatalogueChanged(String what) {
}
