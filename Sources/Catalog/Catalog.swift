/// The compiled configuration tree.
public enum CatalogModule {}
