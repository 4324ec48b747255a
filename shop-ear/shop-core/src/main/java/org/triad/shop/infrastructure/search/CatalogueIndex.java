package org.triad.shop.infrastructure.search;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.triad.shop.application.SearchRequest;
import org.triad.shop.application.SearchResult;
import org.triad.shop.domain.model.category.Category;
import org.triad.shop.domain.model.category.CategoryRepository;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * The catalogue's full-text index (Apache Lucene, in memory per instance; the database is the system of record).
 * Only items buyers may see are in it. It is rebuilt from the database at start-up ({@link #rebuild}), and changes
 * reach it after each commit that changed the catalogue ({@link CatalogueChanged}) and every 15 s from
 * {@code item.updated_at} (changes made on other instances). Fields: title (boost 3), category names in English and
 * Chinese with their parents (boost 2), seller name (boost 1.5), description; facets: categories (each item counts for
 * its category and its parents), price ranges, in stock.
 */
@Singleton
@Startup
@DependsOn("ShopDatabase")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CatalogueIndex {

    private static final Logger LOG = Logger.getLogger(CatalogueIndex.class.getName());
    private static final long SYNC_MILLIS = 15_000;
    /** Price facet ranges in fen: under 50, 50–200, 200–1000, 1000 yuan and more. */
    static final long[][] PRICE_RANGES = {{0, 5_000}, {5_000, 20_000}, {20_000, 100_000}, {100_000, Long.MAX_VALUE}};

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @jakarta.inject.Inject
    ItemRepository items;

    @jakarta.inject.Inject
    CategoryRepository categories;

    @jakarta.inject.Inject
    ShopUserRepository users;

    @Resource
    TimerService timers;

    private final FacetsConfig facets = new FacetsConfig();
    private final Analyzer queryAnalyzer = CatalogueAnalyzers.query();
    private final Analyzer wordAnalyzer = CatalogueAnalyzers.words();
    private ByteBuffersDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile Instant syncedUpTo = Instant.EPOCH;
    private final Object writeLock = new Object();

    @PostConstruct
    void open() {
        facets.setMultiValued("cat", true);
        try {
            directory = new ByteBuffersDirectory();
            Analyzer index = new PerFieldAnalyzerWrapper(CatalogueAnalyzers.index(),
                    Map.of("suggest", CatalogueAnalyzers.words()));
            writer = new IndexWriter(directory, new IndexWriterConfig(index));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rebuild();
        timers.createIntervalTimer(SYNC_MILLIS, SYNC_MILLIS, new TimerConfig("catalogue-index-sync", false));
    }

    @PreDestroy
    void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            LOG.warning("Closing the catalogue index: " + e);
        }
    }

    /** Indexes every visible item anew. */
    public void rebuild() {
        synchronized (writeLock) {
            Instant started = Instant.now();
            try {
                writer.deleteAll();
                Context context = new Context();
                int count = 0;
                for (int first = 0; ; first += 500) {
                    List<Item> page = items.visible(null, first, 500);
                    for (Item item : page) {
                        writer.addDocument(facets.build(document(item, context)));
                        count++;
                    }
                    em.clear();
                    if (page.size() < 500) {
                        break;
                    }
                }
                writer.commit();
                searchers.maybeRefreshBlocking();
                syncedUpTo = started;
                int indexed = count;
                LOG.info(() -> "Catalogue index built: " + indexed + " items");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Re-indexes the items changed since the last sync (a bit of overlap covers clocks and slow commits). */
    @Timeout
    public void sync() {
        synchronized (writeLock) {
            Instant started = Instant.now();
            List<Item> changed = em.createQuery("SELECT i FROM Item i WHERE i.updatedAt >= :since", Item.class)
                    .setParameter("since", syncedUpTo.minusSeconds(30)).getResultList();
            try {
                Context context = new Context();
                for (Item item : changed) {
                    writer.deleteDocuments(new Term("id", String.valueOf(item.id())));
                    if (items.isVisible(item.id())) {
                        writer.addDocument(facets.build(document(item, context)));
                    }
                }
                if (!changed.isEmpty()) {
                    writer.commit();
                    searchers.maybeRefreshBlocking();
                }
                syncedUpTo = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** After a commit that changed items, sellers or categories on this instance: the index follows at once. */
    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged change) {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warning("Catalogue index sync after a change failed (the timer retries): " + e);
        }
    }

    /** Names the index needs, loaded once per indexing run. */
    private final class Context {
        final Map<Long, Category> byId = new HashMap<>();
        final Map<Long, String> sellers = new HashMap<>();

        Context() {
            categories.all().forEach(c -> byId.put(c.id(), c));
        }

        List<Category> withAncestors(long categoryId) {
            List<Category> out = new ArrayList<>();
            Category c = byId.get(categoryId);
            while (c != null && out.size() < 10) {
                out.add(c);
                c = c.parentId() == null ? null : byId.get(c.parentId());
            }
            return out;
        }

        String seller(long id) {
            return sellers.computeIfAbsent(id, k -> users.find(k).map(ShopUser::nickname).orElse(""));
        }
    }

    private Document document(Item item, Context context) {
        ItemContent pub = item.publishedCopy();
        Document doc = new Document();
        doc.add(new StringField("id", String.valueOf(item.id()), Field.Store.YES));
        doc.add(new TextField("title", pub.title(), Field.Store.YES));
        doc.add(new TextField("suggest", pub.title(), Field.Store.NO));
        doc.add(new TextField("description", pub.description(), Field.Store.NO));
        StringBuilder categoryText = new StringBuilder();
        for (Category c : context.withAncestors(pub.categoryId())) {
            categoryText.append(c.nameEn()).append(' ').append(c.nameZh()).append(' ');
            doc.add(new SortedSetDocValuesFacetField("cat", c.slug()));
            doc.add(new StringField("catFilter", c.slug(), Field.Store.NO));
        }
        doc.add(new TextField("category", categoryText.toString(), Field.Store.NO));
        doc.add(new TextField("seller", context.seller(item.sellerId()), Field.Store.NO));
        long price = pub.price().minor();
        doc.add(new LongPoint("pricePoint", price));
        doc.add(new NumericDocValuesField("price", price));
        long published = item.publishedAt() == null ? 0 : item.publishedAt().toEpochMilli();
        doc.add(new NumericDocValuesField("published", published));
        boolean inStock = item.stock() > 0;
        doc.add(new StringField("inStock", inStock ? "1" : "0", Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField("stock", inStock ? "in" : "out"));
        return doc;
    }

    /** Item ids of one page of hits (most relevant or as sorted), with the total and facet counts. */
    public record Hits(List<Long> ids, long total, List<SearchResult.Facet> categories,
                       List<SearchResult.Facet> prices, long inStock) {
    }

    public Hits search(SearchRequest request) {
        Query query = filtered(textQuery(request.text()), request);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                FacetsCollector collector = new FacetsCollector();
                int n = request.first() + request.max();
                Sort sort = switch (request.sort()) {
                    case PRICE_ASC -> new Sort(new SortField("price", SortField.Type.LONG));
                    case PRICE_DESC -> new Sort(new SortField("price", SortField.Type.LONG, true));
                    // no ratings before reviews exist: newest first
                    case NEWEST, RATING -> new Sort(new SortField("published", SortField.Type.LONG, true));
                    case RELEVANCE -> request.text().isEmpty()
                            ? new Sort(new SortField("published", SortField.Type.LONG, true)) : null;
                };
                TopDocs top = sort == null ? FacetsCollector.search(searcher, query, n, collector)
                        : FacetsCollector.search(searcher, query, n, sort, collector);
                List<Long> ids = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = request.first(); i < docs.length; i++) {
                    ids.add(Long.parseLong(searcher.storedFields().document(docs[i].doc).get("id")));
                }
                return new Hits(ids, top.totalHits.value, categoryFacets(searcher, collector),
                        priceFacets(collector), stockFacet(searcher, collector));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Typo-tolerant prefix suggestions: titles whose words start with the last word typed (or are one or two edits
     * away from it, for longer words), the words before it matching as in a search.
     */
    public List<String> suggest(String prefix, int max) {
        String text = prefix == null ? "" : prefix.strip();
        if (text.isEmpty() || text.length() > 100) {
            return List.of();
        }
        List<String> words = tokens(wordAnalyzer, "suggest", text);
        if (words.isEmpty()) {
            return List.of();
        }
        String last = words.get(words.size() - 1);
        BooleanQuery.Builder lastWord = new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term("suggest", last)), BooleanClause.Occur.SHOULD);
        if (last.length() >= 4 && last.codePoints().allMatch(c -> c < 0x3000)) {
            lastWord.add(new FuzzyQuery(new Term("suggest", last), last.length() >= 7 ? 2 : 1, 1),
                    BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(lastWord.build(), BooleanClause.Occur.MUST);
        for (String w : words.subList(0, words.size() - 1)) {
            query.add(new TermQuery(new Term("suggest", w)), BooleanClause.Occur.MUST);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Set<String> titles = new LinkedHashSet<>();
                for (ScoreDoc d : searcher.search(query.build(), max * 3).scoreDocs) {
                    titles.add(searcher.storedFields().document(d.doc).get("title"));
                    if (titles.size() >= max) {
                        break;
                    }
                }
                return List.copyOf(titles);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query textQuery(String text) {
        List<String> terms = text.isEmpty() ? List.of() : tokens(queryAnalyzer, "title", text);
        if (terms.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(terms)) {
            BooleanQuery.Builder anyField = new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term("title", term)), 3f), BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term("category", term)), 2f), BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term("seller", term)), 1.5f), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term("description", term)), BooleanClause.Occur.SHOULD);
            all.add(anyField.build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private static Query filtered(Query text, SearchRequest request) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (request.category() != null && !request.category().isBlank()) {
            q.add(new TermQuery(new Term("catFilter", request.category())), BooleanClause.Occur.FILTER);
        }
        if (request.minPrice() != null || request.maxPrice() != null) {
            long min = request.minPrice() == null ? 0 : fen(request.minPrice());
            long max = request.maxPrice() == null ? Long.MAX_VALUE : fen(request.maxPrice()) - 1;
            q.add(LongPoint.newRangeQuery("pricePoint", min, Math.max(min, max)), BooleanClause.Occur.FILTER);
        }
        if (request.inStockOnly()) {
            q.add(new TermQuery(new Term("inStock", "1")), BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    private static long fen(BigDecimal yuan) {
        return yuan.max(BigDecimal.ZERO).min(new BigDecimal("100000000")).movePointRight(2).longValue();
    }

    private static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && out.size() < 32) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<SearchResult.Facet> categoryFacets(IndexSearcher searcher, FacetsCollector collector)
            throws IOException {
        return labels(searcher, collector, "cat");
    }

    private long stockFacet(IndexSearcher searcher, FacetsCollector collector) throws IOException {
        return labels(searcher, collector, "stock").stream().filter(f -> f.value().equals("in"))
                .mapToLong(SearchResult.Facet::count).sum();
    }

    private List<SearchResult.Facet> labels(IndexSearcher searcher, FacetsCollector collector, String dim)
            throws IOException {
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
        } catch (IllegalArgumentException noSuchField) {
            return List.of(); // an empty index has no facet field yet
        }
        FacetResult result;
        try {
            result = new SortedSetDocValuesFacetCounts(state, collector).getTopChildren(50, dim);
        } catch (IllegalArgumentException noSuchDim) {
            return List.of();
        }
        List<SearchResult.Facet> out = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                out.add(new SearchResult.Facet(lv.label, lv.value.longValue()));
            }
        }
        return out;
    }

    private static List<SearchResult.Facet> priceFacets(FacetsCollector collector) throws IOException {
        LongRange[] ranges = new LongRange[PRICE_RANGES.length];
        for (int i = 0; i < ranges.length; i++) {
            long[] r = PRICE_RANGES[i];
            ranges[i] = new LongRange(label(r), r[0], true, r[1], false);
        }
        FacetResult result = new LongRangeFacetCounts("price", collector, ranges).getAllChildren("price");
        List<SearchResult.Facet> out = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            out.add(new SearchResult.Facet(lv.label, lv.value.longValue()));
        }
        return out;
    }

    static String label(long[] range) {
        return (range[0] / 100) + "-" + (range[1] == Long.MAX_VALUE ? "" : String.valueOf(range[1] / 100));
    }
}
