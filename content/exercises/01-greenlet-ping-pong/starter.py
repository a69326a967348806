from greenlet import greenlet


def ping():
    for i in range(1, 4):
        print(f'ping {i}')
        # TODO: 切换到 pong（switch to pong）


def pong():
    for i in range(1, 4):
        print(f'pong {i}')
        # TODO: 切换回 ping（switch back to ping）


gr_ping = greenlet(ping)
gr_pong = greenlet(pong)

gr_ping.switch()
print('main 结束')
