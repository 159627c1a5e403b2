/** Losses with their closed-form Hessian-vector products (for Gauss-Newton). */
package org.vecgrad.nn.loss;
