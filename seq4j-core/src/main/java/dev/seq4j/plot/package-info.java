/** PNG charts drawn with Java2D (no external libraries): training curves. */
package dev.seq4j.plot;
