/**
 * Catalogue search on Apache Lucene: an index of the items buyers may see (approved copy, on sale, seller not
 * banned), kept in step with the database (rebuilt at start, changes after each commit and every 15 s from
 * {@code item.updated_at}, so other instances catch up too), Chinese and English in one analysis chain (CJK bigrams),
 * facets, sorts and typo-tolerant prefix suggestions.
 */
package org.triad.shop.infrastructure.search;
