package dev.lightningdb.tck.spring;

import java.math.BigDecimal;

/** A DTO projection made by a JPQL constructor expression. */
public record BookSummary(String title, String author, BigDecimal price) {
}
