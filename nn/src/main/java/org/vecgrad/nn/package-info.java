/** Neural-network modules, losses, optimisers and data on top of the autodiff tape. */
package org.vecgrad.nn;
