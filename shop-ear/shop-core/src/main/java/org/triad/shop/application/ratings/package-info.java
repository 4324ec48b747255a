/**
 * Buyers' ratings of completed order lines, the seller's answers, the summaries per item and per seller
 * ({@code RatingService}), and the feedback to the shop ({@code FeedbackService}). Each public method of the services
 * is one transaction. (The item moderation queue is {@code application.ReviewService}; it has nothing to do with
 * these.)
 */
package org.triad.shop.application.ratings;
