/**
 * The UI shell every Triad web application shares (a web fragment in each WAR): the PrimeFaces page
 * layout, the theme, the zh-CN/English language switch and the error pages.
 */
package org.triad.common.web;
