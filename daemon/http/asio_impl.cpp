// The one translation unit that compiles Asio, Asio's SSL glue and Beast.
// Every other file sees only their declarations (BOOST_*_SEPARATE_COMPILATION),
// which keeps a clean build on two cores in minutes rather than tens of minutes.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
